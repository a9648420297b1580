using Mist.Api.Tests.EndToEnd;
using Mist.Api.Tests.Support;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Update;
using Mist.Infrastructure;
using Npgsql;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// The server process is killed (SIGKILL) while it builds patches and started again on the
/// same database and data root: the durable inbox hands the interrupted work to the new
/// process, the chains complete, the log records each patch once, and the patches apply.
/// </summary>
public sealed class WorkerCrashTests : IAsyncLifetime
{
    private const string Game = "crash";
    private const string AdminName = "crash-admin";
    private const string Password = "a-long-test-password";

    // Large enough that building a patch of it takes seconds, so the kill lands inside.
    private const int WorldBytes = 12 * 1024 * 1024;

    private readonly string _root = Directory.CreateTempSubdirectory("mist-crash-").FullName;
    private TestDatabase? _database;

    private string DataRoot => Path.Combine(_root, "data");

    private string ImportRoot => Path.Combine(_root, "imports");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(ImportRoot);
        _database = await TestDatabase.CreateAsync();
    }

    [Fact]
    public async Task Chains_interrupted_by_a_kill_complete_after_a_restart_each_patch_once()
    {
        var folders = new Dictionary<string, string>
        {
            ["1.0"] = WriteVersion("1.0", World(0)),
            ["1.1"] = WriteVersion("1.1", World(1)),
            ["1.2"] = WriteVersion("1.2", World(2)),
        };
        var (exit, output) = await ServerProcess.RunCommandAsync(
            Settings(new() { ["MIST_PASSWORD"] = Password }), "users", "create", AdminName,
            "--admin");
        exit.ShouldBe(0, output);

        await using var first = await ServerProcess.StartAsync(Settings());
        var admin = new AdminSession(first.CreateClient(await TokenAsync(first)));
        await admin.Api.AddGameAsync(Game, "Crash", default);
        foreach (var (label, folder) in folders)
        {
            await admin.ImportAsync(Game, label, folder);
        }

        foreach (var label in folders.Keys)
        {
            await admin.PublishAsync(Game, label);
        }

        // 1.2's chain has two pairs, 1.1's one; the kill comes while 1.1->1.2 is being built.
        await first.WaitForLineAsync(
            $"Patch {Game} 1.1->1.2: building", TimeSpan.FromMinutes(2));
        await first.KillAsync();
        var interrupted = await SettlementsAsync("1.1", "1.2");
        interrupted.ShouldBeEmpty("the patch settled before the kill; it should take longer");

        await using var second = await ServerProcess.StartAsync(Settings());
        var token = await TokenAsync(second);
        admin = new AdminSession(second.CreateClient(token));
        var chain11 = await admin.ChainAsync(Game, "1.1", TimeSpan.FromMinutes(2));
        var chain12 = await admin.ChainAsync(Game, "1.2", TimeSpan.FromMinutes(2));

        chain11.Patches.Select(p => (p.From, p.Status)).ShouldBe([("1.0", "completed")]);
        chain12.Patches.Select(p => (p.From, p.Status)).OrderBy(p => p.From)
            .ShouldBe([("1.0", "completed"), ("1.1", "completed")]);
        second.Logged($"Patch {Game} 1.1->1.2: building").ShouldBeTrue(second.Log);
        foreach (var (from, to) in new[] { ("1.0", "1.1"), ("1.0", "1.2"), ("1.1", "1.2") })
        {
            (await SettlementsAsync(from, to)).ShouldBe(["patch_completed"], $"{from}->{to}");
        }

        foreach (var label in new[] { "1.1", "1.2" })
        {
            (await EventTypesAsync($"version:{Game}:{label}"))
                .Count(t => t == "patch_chain_completed").ShouldBe(1, label);
        }

        await UpdateAppliesAsync(second, token, folders["1.2"]);
    }

    // A player installs 1.1 and updates by the rebuilt patch to 1.2.
    private static async Task UpdateAppliesAsync(
        ServerProcess server, string token, string expected)
    {
        var player = new MistApiClient(server.CreateClient(token));
        await AdminSession.PublishedAsync(player, Game, "1.2");
        var install = Directory.CreateTempSubdirectory("mist-crash-install-").FullName;
        try
        {
            await new Installer(player).InstallAsync(
                new InstallRequest(Game, install, "1.1"), null, default);
            var update = await new Updater(player).UpdateAsync(
                new UpdateRequest(install), null, default);

            update.Plan.ShouldBe(UpdatePlanKind.PatchChain);
            update.FellBackToChunks.ShouldBeFalse(string.Join("; ", update.Refusals));
            (await TreeComparison.DifferencesAsync(expected, install, ".mist")).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(install, recursive: true);
        }
    }

    private async Task<string> TokenAsync(ServerProcess server)
    {
        var api = new MistApiClient(server.CreateClient());
        return (await api.LoginAsync(AdminName, Password, default)).AccessToken;
    }

    private Dictionary<string, string> Settings(Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Mist"] = _database!.ConnectionString,
            ["Mist__DataRoot"] = DataRoot,
            ["Import__Roots__0"] = ImportRoot,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Mist"] = "Information",
        };
        foreach (var (name, value) in more ?? [])
        {
            settings[name] = value;
        }

        return settings;
    }

    private async Task<List<string>> SettlementsAsync(string from, string to) =>
        [
            .. (await EventTypesAsync($"patch:{Game}:{from}:{to}"))
                .Where(t => t is "patch_completed" or "patch_skipped" or "patch_failed"),
        ];

    private async Task<List<string>> EventTypesAsync(string streamKey)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"select type from {InfrastructureRegistration.EventSchema}.mt_events " +
            "where stream_id = @key order by version", connection);
        query.Parameters.AddWithValue("key", streamKey);
        var types = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    // Each version edits the world in its own places and grows it a little.
    private static byte[] World(int edits)
    {
        var world = PatchScenario.Noise(100, WorldBytes);
        var pattern = "terrain tile; "u8.ToArray();
        for (var at = 0; at + pattern.Length < world.Length; at += 3 * pattern.Length)
        {
            pattern.CopyTo(world, at);
        }

        for (var edit = 1; edit <= edits; edit++)
        {
            PatchScenario.Noise(100 + edit, 4096).CopyTo(world, edit * 3_000_000);
        }

        return [.. world, .. PatchScenario.Noise(200 + edits, 1000 * edits)];
    }

    private string WriteVersion(string label, byte[] world)
    {
        var root = Path.Combine(ImportRoot, Game, label);
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllBytes(Path.Combine(root, "data", "world.pak"), world);
        File.WriteAllText(Path.Combine(root, "version.txt"), label);
        return root;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
