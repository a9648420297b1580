using System.Runtime.CompilerServices;
using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Client.Tests.Support;
using Mist.Client.Update;
using Mist.Delta.Updates;

namespace Mist.Client.Tests.Update;

/// <summary>
/// An update killed at every point of its swap, on the real file system: the next run
/// finishes it (every staged file intact) or puts the base back (one damaged), and the tree
/// is always exactly one of the two versions.
/// </summary>
public sealed class SwapCrashTests : IClassFixture<SwapCrashTests.TwoVersions>
{
    private readonly TwoVersions _v;

    public SwapCrashTests(TwoVersions versions) => _v = versions;

    [UnixFact]
    public async Task Update_killed_at_any_change_is_finished_by_the_next_update()
    {
        var points = 0;
        for (var at = 0; ; at++)
        {
            await _v.S.ReinstallAsync("1");
            if (!await CrashesAsync(at))
            {
                break;
            }

            File.Exists(_v.S.Layout.JournalPath).ShouldBeTrue($"journal after crash {at}");
            var result = await _v.S.UpdateAsync();

            result.Recovery.ShouldBe(RecoveryOutcome.RolledForward, $"crash {at}");
            _v.S.ShouldHold("2");
            (await _v.S.InstalledAsync()).Label.ShouldBe("2");
            Directory.Exists(_v.S.Layout.UpdateDir).ShouldBeFalse();
            points++;
        }

        // Every kind of operation is in the patch, each with several changes.
        points.ShouldBeGreaterThan(20);
    }

    [UnixFact]
    public async Task Update_killed_at_any_change_with_a_damaged_file_is_rolled_back_exactly()
    {
        for (var at = 0; ; at++)
        {
            await _v.S.ReinstallAsync("1");
            if (!await CrashesAsync(at))
            {
                break;
            }

            DamageFirstMovedFile();
            var outcome = await UpdateRecovery.RecoverAsync(
                _v.S.Layout, SilentProgress.Instance, CancellationToken.None);

            outcome.ShouldBe(RecoveryOutcome.RolledBack, $"crash {at}");
            _v.S.ShouldHold("1");
            (await _v.S.InstalledAsync()).Label.ShouldBe("1");
            Directory.Exists(_v.S.Layout.UpdateDir).ShouldBeFalse();
        }

        await _v.S.UpdateAsync();
        _v.S.ShouldHold("2");
    }

    [UnixFact]
    public async Task Recovery_killed_in_turn_is_finished_by_the_next_run()
    {
        for (var at = 0; ; at++)
        {
            await _v.S.ReinstallAsync("1");
            (await CrashesAsync(12)).ShouldBeTrue();
            var calls = new StrongBox<int>();
            try
            {
                await UpdateRecovery.RecoverAsync(
                    _v.S.Layout, SilentProgress.Instance, CancellationToken.None,
                    SimulatedCrash.At(at, calls));
                break;
            }
            catch (SimulatedCrash)
            {
            }

            (await _v.S.UpdateAsync()).Recovery.ShouldBe(RecoveryOutcome.RolledForward);
            _v.S.ShouldHold("2");
        }
    }

    [UnixFact]
    public async Task Journal_naming_a_path_outside_the_install_is_refused_untouched()
    {
        await _v.S.ReinstallAsync("1");
        (await CrashesAsync(3)).ShouldBeTrue();
        var journal = File.ReadAllText(_v.S.Layout.JournalPath);
        File.WriteAllText(
            _v.S.Layout.JournalPath, journal.Replace("\"bin/game\"", "\"../bin/game\""));

        var error = await Should.ThrowAsync<InstallException>(() => UpdateRecovery.RecoverAsync(
            _v.S.Layout, SilentProgress.Instance, CancellationToken.None));

        error.Message.ShouldContain("outside the install");
        File.Exists(_v.S.Layout.JournalPath).ShouldBeTrue();
    }

    private async Task<bool> CrashesAsync(int at)
    {
        var calls = new StrongBox<int>();
        try
        {
            await _v.S.UpdateAsync(SimulatedCrash.At(at, calls));
            return false;
        }
        catch (SimulatedCrash)
        {
            return true;
        }
    }

    // The first file the swap moves in: spoilt in staging if it is still there, else in the
    // tree, so that finishing the swap would install a wrong file.
    private void DamageFirstMovedFile()
    {
        var layout = _v.S.Layout;
        var journal = File.ReadAllText(layout.JournalPath);
        var staged = Directory.GetFiles(layout.UpdateStagingDir);
        var victim = staged.Length > 0
            ? staged[0]
            : Path.Combine(_v.S.Install, "bin/game");
        journal.ShouldContain("moveIn");
        File.AppendAllText(victim, "damage");
    }

    /// <summary>Version 1 and 2 differ by every kind of swap operation: deleted files and
    /// folders, a file that becomes a folder, new folders and files, a delta, a shorter
    /// file, a flipped executable bit, a replaced and a new link, a case-only rename.</summary>
    public sealed class TwoVersions : IAsyncLifetime
    {
        public UpdateScenario S { get; } = new();

        public async Task InitializeAsync()
        {
            var game = UpdateScenario.Random(60_000, 11);
            S.Write("1", "bin/game", game, executable: true);
            S.Write("1", "bin/tool", UpdateScenario.Random(5_000, 12));
            S.Write("1", "data/level.pak", UpdateScenario.Random(40_000, 13));
            S.Write("1", "docs/README.TXT", "read me"u8.ToArray());
            S.Write("1", "old/a.txt", "a"u8.ToArray());
            S.Write("1", "old/sub/b.txt", "b"u8.ToArray());
            S.Write("1", "thing", "a file in one"u8.ToArray());
            File.CreateSymbolicLink(Path.Combine(S.Folder("1"), "start"), "bin/game");

            game.AsSpan(30_000, 100).Fill(1);
            S.Write("2", "bin/game", game, executable: true);
            S.Write("2", "bin/tool", File.ReadAllBytes(Path.Combine(S.Folder("1"), "bin/tool")),
                executable: true);
            S.Write("2", "data/level.pak", File.ReadAllBytes(
                Path.Combine(S.Folder("1"), "data/level.pak"))[..25_000]);
            S.Write("2", "docs/readme.txt", "read me"u8.ToArray());
            S.Write("2", "new/c.txt", "c"u8.ToArray());
            S.Write("2", "thing/inside.txt", "a folder in two"u8.ToArray());
            File.CreateSymbolicLink(Path.Combine(S.Folder("2"), "start"), "bin/tool");
            File.CreateSymbolicLink(Path.Combine(S.Folder("2"), "latest"), "data");

            await S.PublishAsync("1");
            await S.PublishAsync("2");
            var patch = await S.BuildPatchAsync("1", "2");
            patch.Entries.ShouldContain(e => e.Kind == PatchEntryKind.Delta);
            S.PlanChain("1", "2");
        }

        public Task DisposeAsync()
        {
            S.Dispose();
            return Task.CompletedTask;
        }
    }
}
