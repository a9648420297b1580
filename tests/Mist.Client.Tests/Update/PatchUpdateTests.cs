using Mist.Client.Http;
using Mist.Client.Tests.Support;
using Mist.Delta.Updates;

namespace Mist.Client.Tests.Update;

/// <summary>
/// <c>mist update</c> by version patches, below HTTP: real versions on disk, real patches
/// from the builder, a real folder of blobs, and the client's whole pipeline.
/// </summary>
public sealed class PatchUpdateTests : IDisposable
{
    private readonly UpdateScenario _s = new();

    public void Dispose() => _s.Dispose();

    [UnixFact]
    public async Task Patch_deletes_shortens_flips_bits_and_links_to_exactly_the_target()
    {
        var game = UpdateScenario.Random(120_000, 1);
        _s.Write("1", "bin/game", game, executable: true);
        _s.Write("1", "bin/tool", UpdateScenario.Random(9_000, 2), executable: true);
        _s.Write("1", "data/long.pak", UpdateScenario.Random(60_000, 3));
        _s.Write("1", "old/unused.bin", UpdateScenario.Random(5_000, 4));
        File.CreateSymbolicLink(Path.Combine(_s.Folder("1"), "start"), "bin/game");
        File.CreateSymbolicLink(Path.Combine(_s.Folder("1"), "current"), "data");
        var changed = game.ToArray();
        changed.AsSpan(50_000, 64).Fill(9);
        _s.Write("2", "bin/game", changed, executable: true);
        _s.Write("2", "bin/tool", File.ReadAllBytes(Path.Combine(_s.Folder("1"), "bin/tool")));
        _s.Write("2", "data/long.pak", File.ReadAllBytes(
            Path.Combine(_s.Folder("1"), "data/long.pak"))[..20_000]);
        File.CreateSymbolicLink(Path.Combine(_s.Folder("2"), "start"), "bin/tool");
        File.CreateSymbolicLink(Path.Combine(_s.Folder("2"), "current"), "data");
        var patch = await PrepareAsync("1", "2");

        var result = await _s.UpdateAsync();

        patch.Entries.Single(e => e.Path == "bin/game").Kind.ShouldBe(PatchEntryKind.Delta);
        patch.Deleted.ShouldContain("old/unused.bin");
        result.Plan.ShouldBe(UpdatePlanKind.PatchChain);
        result.Steps.ShouldBe(1);
        result.FellBackToChunks.ShouldBeFalse();
        result.ToLabel.ShouldBe("2");
        _s.ShouldHold("2");
        (await _s.InstalledAsync()).ManifestHash.ShouldBe(_s.ManifestHash("2"));
        Directory.Exists(_s.Layout.UpdateDir).ShouldBeFalse();
    }

    [UnixFact]
    public async Task Rename_that_only_changes_letter_case_lands_under_the_new_name()
    {
        var bytes = UpdateScenario.Random(30_000, 5);
        _s.Write("1", "data/Level.PAK", bytes);
        _s.Write("2", "data/level.pak", bytes);
        var patch = await PrepareAsync("1", "2");

        await _s.UpdateAsync();

        patch.Entries.Single(e => e.Path == "data/level.pak").Kind.ShouldBe(PatchEntryKind.Copy);
        Directory.GetFiles(Path.Combine(_s.Install, "data")).Select(Path.GetFileName)
            .ShouldBe(["level.pak"]);
        _s.ShouldHold("2");
    }

    [Fact]
    public async Task Chain_of_two_patches_records_each_version_and_reaches_the_last()
    {
        var bytes = UpdateScenario.Random(100_000, 6);
        _s.Write("1", "game.pak", bytes);
        bytes[10] ^= 1;
        _s.Write("2", "game.pak", bytes);
        bytes[90_000] ^= 1;
        _s.Write("3", "game.pak", bytes);
        _s.Write("3", "extra.txt", "new in three"u8.ToArray());
        await PublishAsync("1", "2", "3");
        await _s.BuildPatchAsync("1", "2");
        await _s.BuildPatchAsync("2", "3");
        await _s.InstallAsync("1");
        _s.PlanChain("1", "2", "3");
        var labelsSeen = new List<string?>();

        var result = await _s.UpdateAsync(() => labelsSeen.Add(_s.RecordedLabel()));

        result.Steps.ShouldBe(2);
        result.FromLabel.ShouldBe("1");
        result.ToLabel.ShouldBe("3");
        labelsSeen.ShouldContain("2");
        _s.ShouldHold("3");
        (await _s.InstalledAsync()).Label.ShouldBe("3");
    }

    [Fact]
    public async Task Up_to_date_install_changes_nothing()
    {
        _s.Write("1", "game.pak", UpdateScenario.Random(10_000, 7));
        await PublishAsync("1");
        await _s.InstallAsync("1");
        _s.PlanChain("1");
        var before = File.GetLastWriteTimeUtc(_s.Layout.InstalledPath);

        var result = await _s.UpdateAsync();

        result.Plan.ShouldBe(UpdatePlanKind.UpToDate);
        result.Steps.ShouldBe(0);
        result.BytesDownloaded.ShouldBe(0);
        File.GetLastWriteTimeUtc(_s.Layout.InstalledPath).ShouldBe(before);
    }

    [Fact]
    public async Task Patch_update_downloads_less_than_the_changed_file()
    {
        var bytes = UpdateScenario.Random(200_000, 8);
        _s.Write("1", "game.pak", bytes);
        bytes.AsSpan(100_000, 16).Fill(7);
        _s.Write("2", "game.pak", bytes);
        await PrepareAsync("1", "2");

        var result = await _s.UpdateAsync();

        result.BytesDownloaded.ShouldBeGreaterThan(0);
        result.BytesDownloaded.ShouldBeLessThan(20_000);
        result.BytesWritten.ShouldBe(200_000);
        _s.ShouldHold("2");
    }

    [Fact]
    public async Task Chunk_plan_keeps_unchanged_files_and_fetches_only_new_chunks()
    {
        _s.Write("1", "same.pak", UpdateScenario.Random(80_000, 9));
        _s.Write("1", "edit.pak", UpdateScenario.Random(20_000, 10));
        _s.CopyVersion("1", "2");
        _s.Write("2", "edit.pak", UpdateScenario.Random(20_000, 11));
        await PublishAsync("1", "2");
        await _s.InstallAsync("1");
        _s.PlanChunks("2");
        _s.Server.Fetched.Clear();

        var result = await _s.UpdateAsync();

        result.Plan.ShouldBe(UpdatePlanKind.Chunks);
        result.Steps.ShouldBe(1);
        result.BytesWritten.ShouldBe(20_000);
        var sameChunks = _s.Manifest("2").Entries.Single(e => e.Path == "same.pak").ChunkList;
        _s.Server.Fetched.ShouldNotContain(key => sameChunks.Any(c => c.Sha256 == key));
        _s.ShouldHold("2");
    }

    [UnixFact]
    public async Task Patch_below_a_link_the_player_made_is_refused_and_nothing_outside_changes()
    {
        using var outside = new TempFolder();
        var bytes = UpdateScenario.Random(50_000, 12);
        _s.Write("1", "data/level.pak", bytes);
        bytes[100] ^= 1;
        _s.Write("2", "data/level.pak", bytes);
        await PrepareAsync("1", "2");
        Directory.Move(Path.Combine(_s.Install, "data"), outside["data"]);
        File.CreateSymbolicLink(Path.Combine(_s.Install, "data"), outside["data"]);
        var before = File.ReadAllBytes(outside["data/level.pak"]);

        var result = await _s.UpdateAsync();

        result.Refusals.Single().ShouldContain("below a symbolic link");
        File.ReadAllBytes(outside["data/level.pak"]).ShouldBe(before);
        _s.ShouldHold("2");
    }

    private async Task<VersionPatch> PrepareAsync(string from, string to)
    {
        await PublishAsync(from, to);
        var patch = await _s.BuildPatchAsync(from, to);
        await _s.InstallAsync(from);
        _s.PlanChain(from, to);
        return patch;
    }

    private async Task PublishAsync(params string[] labels)
    {
        foreach (var label in labels)
        {
            await _s.PublishAsync(label);
        }
    }
}
