using System.Runtime.Versioning;
using System.Runtime.CompilerServices;
using Mist.Client.Repair;
using Mist.Client.Tests.Support;
using Mist.Client.Update;
using Mist.Client.Verify;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Repair;

public sealed class RepairerTests : IDisposable
{
    private readonly UpdateScenario _s = new();

    public void Dispose() => _s.Dispose();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Modified_and_deleted_files_are_restored_fetching_only_their_chunks()
    {
        await InstallAsync();
        File.WriteAllBytes(
            Path.Combine(_s.Install, "data/a.pak"), UpdateScenario.Random(30_000, 9));
        File.Delete(Path.Combine(_s.Install, "data/b.pak"));
        File.SetUnixFileMode(Path.Combine(_s.Install, "run.sh"), UnixFileMode.UserRead);
        File.WriteAllText(Path.Combine(_s.Install, "data/save.sav"), "the player's");
        _s.Server.Fetched.Clear();

        var result = await Repairer().RepairAsync(_s.Install, null, CancellationToken.None);

        result.Repaired.Select(d => (d.Path, d.Kind)).ShouldBe(
        [
            ("data/a.pak", DifferenceKind.ChangedContent),
            ("data/b.pak", DifferenceKind.Missing),
            ("run.sh", DifferenceKind.WrongExecutable),
        ]);
        result.LeftAlone.ShouldHaveSingleItem().Path.ShouldBe("data/save.sav");
        var wanted = _s.Manifest("1").Entries
            .Where(e => e.Path is "data/a.pak" or "data/b.pak")
            .SelectMany(e => e.ChunkList)
            .Select(c => c.Sha256)
            .ToHashSet();
        _s.Server.Fetched.ShouldNotBeEmpty();
        _s.Server.Fetched.ShouldAllBe(key => wanted.Contains(key));
        File.Delete(Path.Combine(_s.Install, "data/save.sav"));
        _s.ShouldHold("1");
    }

    [Fact]
    public async Task Intact_install_needs_no_download()
    {
        await InstallAsync();
        _s.Server.Fetched.Clear();
        var before = _s.Server.BytesReceived;

        var result = await Repairer().RepairAsync(_s.Install, null, CancellationToken.None);

        result.Repaired.ShouldBeEmpty();
        _s.Server.BytesReceived.ShouldBe(before);
        _s.ShouldHold("1");
    }

    [Fact]
    public async Task Damaged_kept_manifest_is_fetched_again_by_its_recorded_hash()
    {
        await InstallAsync();
        File.AppendAllText(_s.Layout.ManifestPath, " ");

        var result = await Repairer().RepairAsync(_s.Install, null, CancellationToken.None);

        result.ManifestRestored.ShouldBeTrue();
        ManifestSerializer.Hash(File.ReadAllBytes(_s.Layout.ManifestPath))
            .ShouldBe(_s.ManifestHash("1"));
    }

    [Fact]
    public async Task Interrupted_update_is_finished_before_the_repair()
    {
        await InstallAsync();
        _s.CopyVersion("1", "2");
        _s.Write("2", "data/a.pak", UpdateScenario.Random(30_000, 10));
        await _s.PublishAsync("2");
        await _s.BuildPatchAsync("1", "2");
        _s.PlanChain("1", "2");
        await Should.ThrowAsync<SimulatedCrash>(
            () => _s.UpdateAsync(SimulatedCrash.At(2, new StrongBox<int>())));

        var result = await Repairer().RepairAsync(_s.Install, null, CancellationToken.None);

        result.Recovery.ShouldBe(RecoveryOutcome.RolledForward);
        result.Label.ShouldBe("2");
        result.Repaired.ShouldBeEmpty();
        _s.ShouldHold("2");
    }

    private Repairer Repairer() => new(_s.Server);

    private async Task InstallAsync()
    {
        _s.Write("1", "data/a.pak", UpdateScenario.Random(30_000, 1));
        _s.Write("1", "data/b.pak", UpdateScenario.Random(20_000, 2));
        _s.Write("1", "data/c.pak", UpdateScenario.Random(25_000, 3));
        _s.Write("1", "run.sh", "#!/bin/sh\n"u8.ToArray(), executable: true);
        await _s.PublishAsync("1");
        await _s.InstallAsync("1");
    }
}
