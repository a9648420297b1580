using Microsoft.Extensions.Logging.Abstractions;
using Mist.Application.Builds;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Versions;
using Mist.Infrastructure.ReadModels;
using Mist.Projections.Catalog;
using Mist.Projections.Rebuild;
using Npgsql;
using static Mist.Api.Tests.Projections.CatalogEvents;

namespace Mist.Api.Tests.Projections;

public sealed class RebuildTests(ReadModelHost host) : IClassFixture<ReadModelHost>, IAsyncLifetime
{
    private const int LateVersions = 150;

    private ReadModelRebuilder Rebuilder => host.Get<ReadModelRebuilder>();

    public async Task InitializeAsync()
    {
        if (await CountAsync("games") > 0)
        {
            return;
        }

        // A catalog with every kind of row: games, versions in each state, entries, builds.
        for (var g = 0; g < 5; g++)
        {
            var slug = $"game-{g}";
            await host.AppendAsync(StreamKeys.Game(slug), Game(slug, $"Game {g}"));
            for (var v = 0; v < 4; v++)
            {
                var label = $"1.{v}";
                var hash = await host.Blobs.PutManifestAsync(
                    ManifestSerializer.Serialize(Manifest($"{slug}-{label}")),
                    CancellationToken.None);
                object[] events = v switch
                {
                    0 => [Requested(slug, label)],
                    1 => [Requested(slug, label), new BuildIngestStarted(slug, label, 1, At(2)),
                        new BuildFailed(slug, label, "no space", 1, At(3))],
                    2 => [.. PublishedVersion(slug, label, hash, "beta", v * 10),
                        new VersionWithdrawn(slug, label, "broken", At(v * 10 + 5))],
                    _ => PublishedVersion(slug, label, hash, Naming.DefaultBranch, v * 10),
                };
                await host.AppendAsync(StreamKeys.Version(slug, label), events);
            }
        }

        await host.WaitForProjectionsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rebuild_gives_exactly_the_live_tables()
    {
        var live = await TableSnapshot.TakeAsync(host.ConnectionString);
        live["version_entries"].Count.ShouldBe(5 * 2 * 4);

        var result = await Rebuilder.RebuildAsync(null, CancellationToken.None);

        result.EventsApplied.ShouldBeGreaterThan(40);
        var rebuilt = await TableSnapshot.TakeAsync(host.ConnectionString);
        foreach (var (table, rows) in live)
        {
            rebuilt[table].ShouldBe(rows, $"table {table}");
        }
    }

    [Fact]
    public async Task Rebuilding_twice_gives_the_same_tables()
    {
        await Rebuilder.RebuildAsync(null, CancellationToken.None);
        var once = await TableSnapshot.TakeAsync(host.ConnectionString);

        await Rebuilder.RebuildAsync(null, CancellationToken.None);

        var twice = await TableSnapshot.TakeAsync(host.ConnectionString);
        foreach (var (table, rows) in once)
        {
            twice[table].ShouldBe(rows, $"table {table}");
        }
    }

    [Fact]
    public async Task Applying_the_whole_log_again_to_the_live_tables_changes_nothing()
    {
        var before = await TableSnapshot.TakeAsync(host.ConnectionString);
        var events = await host.Get<EventLogPages>().ReadAsync(0, long.MaxValue, 10_000,
            CancellationToken.None);
        var data = events.Select(e => e.Data).ToList();
        var manifests = await CatalogManifests.LoadAsync(host.Blobs, data,
            NullLogger.Instance, CancellationToken.None);

        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await CatalogWriter.WriteAsync(connection, transaction, ReadModelSchema.Live, data,
                manifests, CancellationToken.None);
            await transaction.CommitAsync();
        }

        data.Count.ShouldBeGreaterThan(40);
        var after = await TableSnapshot.TakeAsync(host.ConnectionString);
        foreach (var (table, rows) in before)
        {
            after[table].ShouldBe(rows, $"table {table}");
        }
    }

    [Fact]
    public async Task Rebuild_keeps_build_progress()
    {
        await host.Get<IBuildProgress>().ReportAsync("game-0", "1.0",
            new BuildProgressSnapshot(1, 3, 10, 300, 1000), CancellationToken.None);

        await Rebuilder.RebuildAsync(null, CancellationToken.None);

        var progress = (await TableSnapshot.TakeAsync(host.ConnectionString))["build_progress"];
        progress.ShouldHaveSingleItem().ShouldContain("\"bytes_done\":300");
    }

    [Fact]
    public async Task Rebuild_reports_progress_up_to_the_checkpoint()
    {
        var reports = new List<RebuildProgress>();

        var result = await Rebuilder.RebuildAsync(
            new SynchronousProgress(reports.Add), CancellationToken.None);

        reports.ShouldNotBeEmpty();
        reports[^1].Sequence.ShouldBe(result.Target);
        reports.Select(r => r.EventsApplied).ShouldBeInOrder();
    }

    [Fact]
    public async Task Readers_never_see_a_partial_catalog_while_events_keep_coming()
    {
        var before = await CountAsync("versions");
        using var stop = new CancellationTokenSource();
        var smallest = long.MaxValue;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                smallest = Math.Min(smallest, await CountAsync("versions"));
            }
        });
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < LateVersions; i++)
            {
                await host.AppendAsync(StreamKeys.Version("game-late", $"{i}"),
                    Requested("game-late", $"{i}"),
                    new BuildIngestStarted("game-late", $"{i}", 1, At(i)));
            }
        });

        // Several swaps while the daemon commits batches: each must land between batches.
        while (!writer.IsCompleted)
        {
            await Rebuilder.RebuildAsync(null, CancellationToken.None);
        }

        await writer;
        await stop.CancelAsync();
        await reader;
        await host.WaitForProjectionsAsync();

        smallest.ShouldBeGreaterThanOrEqualTo(before);
        var live = await TableSnapshot.TakeAsync(host.ConnectionString);
        live["versions"].Count.ShouldBe((int)before + LateVersions);
        live["builds"].Count(b => b.Contains("\"state\":\"ingesting\"")).ShouldBe(LateVersions);
        await Rebuilder.RebuildAsync(null, CancellationToken.None);
        var rebuilt = await TableSnapshot.TakeAsync(host.ConnectionString);
        rebuilt["versions"].ShouldBe(live["versions"]);
        rebuilt["builds"].ShouldBe(live["builds"]);
    }

    [Fact]
    public async Task Start_up_rebuilds_tables_made_for_another_model()
    {
        await ExecuteAsync($"comment on table {ReadModelSchema.Live}.games is 'older model'");
        await ExecuteAsync($"delete from {ReadModelSchema.Live}.games");

        var installer = new ReadModelSchemaInstaller(host.Get<ReadModelDbContextFactory>(),
            Rebuilder, NullLogger<ReadModelSchemaInstaller>.Instance);

        await installer.StartAsync(CancellationToken.None);

        (await CountAsync("games")).ShouldBe(5);
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        (await ReadModelSchema.ReadLiveFingerprintAsync(connection, CancellationToken.None))
            .ShouldBe(CatalogProjection.Fingerprint);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from {ReadModelSchema.Live}.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SynchronousProgress(Action<RebuildProgress> report)
        : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
