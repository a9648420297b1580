using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Marten.Events;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Hosting;
using Mist.Application.Games.RegisterGame;
using Mist.Application.Versions.PublishVersion;
using Mist.Application.Versions.RequestBuild;
using Mist.Domain.Common;
using Mist.Domain.Patches;
using Mist.Domain.Versions;
using Npgsql;

namespace Mist.Bench.Chain;

/// <summary>
/// Hosts the whole server in this process on a fresh database, ingests small versions through
/// the worker, publishes them one at a time and measures each patch chain from publication to
/// its closing event: the wall time, the time pairs spent in the delta engine, and the
/// overhead of the saga and messaging around them. The last version's chain has four pairs.
/// </summary>
public static class ChainBenchmark
{
    private const string DefaultServer =
        "Host=127.0.0.1;Port=55432;Username=mist;Password=mist;Database=mist";

    private const string Game = "bench";
    private const int Versions = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 1 || args is [['-', ..]])
        {
            Console.Error.WriteLine("usage: Mist.Bench chain [POSTGRES_CONNECTION_STRING]");
            return 2;
        }

        var server = args is [var given] ? given : DefaultServer;
        var database = $"mist_bench_{Guid.NewGuid():N}";
        var root = Directory.CreateTempSubdirectory("mist-chain-bench-").FullName;
        await ExecuteAsync(server, $"create database {database}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database };
            var last = await MeasureAsync(connection.ConnectionString, root);
            Console.WriteLine(JsonSerializer.Serialize(
                last, ChainFiguresContext.Default.ChainFigures));
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"drop database if exists {database} with (force)");
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ChainFigures> MeasureAsync(string connectionString, string root)
    {
        var imports = Path.Combine(root, "imports");
        var app = await StartServerAsync(connectionString, root, imports);
        try
        {
            var store = app.Services.GetRequiredService<IDocumentStore>();
            await SendAsync(app, new RegisterGame(Game, "Chain benchmark"));
            var labels = Enumerable.Range(1, Versions).Select(v => $"1.{v}").ToList();
            for (var v = 0; v < labels.Count; v++)
            {
                var folder = Path.Combine(imports, labels[v]);
                BenchGame.Write(folder, v + 1);
                await SendAsync(app, new RequestBuild(Game, labels[v], folder));
            }

            foreach (var label in labels)
            {
                await WaitForAsync(store, label, e => e is BuildIngested or BuildFailed);
            }

            Console.WriteLine($"{Versions} versions ingested; publishing one at a time.");
            ChainFigures? figures = null;
            foreach (var label in labels)
            {
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                await SendAsync(app, new PublishVersion(Game, label, Naming.DefaultBranch));
                await WaitForAsync(store, label, e => e is PatchChainCompleted);
                process.Refresh();
                figures = await FiguresAsync(store, label,
                    (process.TotalProcessorTime - cpu).TotalSeconds);
                Print(figures);
            }

            return figures!;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartServerAsync(
        string connectionString, string root, string imports)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Mist"] = connectionString,
            ["Mist:DataRoot"] = Path.Combine(root, "data"),
            ["Import:Roots:0"] = imports,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddMistServer();
        var app = builder.Build();
        app.UseMistServer();
        await app.StartAsync();
        return app;
    }

    private static async Task SendAsync<T>(WebApplication app, ICommand<T> command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private static async Task WaitForAsync(
        IDocumentStore store, string label, Func<object, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var session = store.QuerySession();
            var events = await session.Events.FetchStreamAsync(StreamKeys.Version(Game, label));
            if (events.Any(e => done(e.Data)))
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{Game}/{label} did not get there in 10 minutes.");
    }

    private static async Task<ChainFigures> FiguresAsync(
        IDocumentStore store, string label, double cpuSeconds)
    {
        await using var session = store.QuerySession();
        var version = await session.Events.FetchStreamAsync(StreamKeys.Version(Game, label));
        var published = version.Last(e => e.Data is VersionPublished).Timestamp;
        var closing = version.Single(e => e.Data is PatchChainCompleted);
        var closed = (PatchChainCompleted)closing.Data;

        var requests = new List<DateTimeOffset>();
        var engine = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var settled = new List<DateTimeOffset>();
        foreach (var from in closed.Completed.Concat(closed.Skipped).Concat(closed.Failed))
        {
            var stream = await session.Events.FetchStreamAsync(
                StreamKeys.Patch(Game, from, label));
            requests.Add(stream.First(e => e.Data is PatchRequested).Timestamp);
            foreach (var e in stream.Where(e => e.Data is PatchCompleted))
            {
                var done = (PatchCompleted)e.Data;
                engine.Add((done.CompletedAt - done.EncodeTime - done.VerifyTime,
                    done.CompletedAt));
                settled.Add(e.Timestamp);
            }
        }

        var wall = (closing.Timestamp - published).TotalSeconds;
        var engineWall = Union(engine, published, closing.Timestamp);
        return new ChainFigures(label, requests.Count, Round(wall),
            Round(engine.Sum(e => (e.End - e.Start).TotalSeconds)), Round(engineWall),
            Round(wall - engineWall),
            Round(requests.Count == 0 ? wall : (requests.Min() - published).TotalSeconds),
            Round(settled.Count == 0 ? 0 : (closing.Timestamp - settled.Max()).TotalSeconds),
            Round(cpuSeconds));
    }

    // Seconds covered by at least one interval, within [from, to].
    private static double Union(
        List<(DateTimeOffset Start, DateTimeOffset End)> intervals,
        DateTimeOffset from,
        DateTimeOffset to)
    {
        var covered = 0.0;
        var reached = from;
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            var s = start > reached ? start : reached;
            var e = end < to ? end : to;
            if (e > s)
            {
                covered += (e - s).TotalSeconds;
                reached = e;
            }
        }

        return covered;
    }

    private static void Print(ChainFigures f) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Label}: {f.Pairs} pairs, {f.WallSeconds:F3} s from publication to chain " +
        $"completed; delta engine {f.EngineSumSeconds:F3} s summed, {f.EngineWallSeconds:F3} s " +
        $"of the wall time; overhead {f.OverheadSeconds:F3} s (start {f.StartSeconds:F3} s, " +
        $"close after last patch {f.CloseSeconds:F3} s); process CPU {f.CpuSeconds:F2} s"));

    private static double Round(double seconds) => Math.Round(seconds, 3);

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
