using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

public sealed class VersionPatchRefusalTests : IDisposable
{
    private readonly UpdateScenario _s = new();

    public VersionPatchRefusalTests()
    {
        var old = UpdateScenario.Random(100_000, 20);
        var changed = old.ToArray();
        changed.AsSpan(40_000, 8).Clear();
        UpdateScenario.Write(_s.Install, "game.pak", old);
        UpdateScenario.Write(_s.Target, "game.pak", changed);
        UpdateScenario.Write(_s.Install, "removed.txt", "bye"u8.ToArray());
        UpdateScenario.Write(_s.Target, "added.bin", UpdateScenario.Random(20_000, 21));
    }

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_patch_for_another_base_manifest_is_refused()
    {
        var (baseManifest, result) = await _s.BuildAsync();
        var other = VersionManifest.Create(
            baseManifest.Entries.Append(new ManifestEntry("extra", EntryKind.Directory)));

        await ShouldRefuseUntouchedAsync(other, result.Patch, "base manifest");
    }

    [Fact]
    public async Task An_installed_file_that_is_not_the_base_is_refused_before_any_swap()
    {
        var (baseManifest, result) = await _s.BuildAsync();
        var installed = Path.Combine(_s.Install, "game.pak");
        var bytes = File.ReadAllBytes(installed);
        bytes[10] ^= 1;
        File.WriteAllBytes(installed, bytes);

        await ShouldRefuseUntouchedAsync(baseManifest, result.Patch, "not the base's");
    }

    [Fact]
    public async Task A_corrupted_payload_is_refused()
    {
        var (baseManifest, result) = await _s.BuildAsync();
        var delta = result.Patch.Entries.Single(e => e.Kind == PatchEntryKind.Delta);
        _s.Blobs.Corrupt(delta.PayloadKey!);

        await ShouldRefuseUntouchedAsync(baseManifest, result.Patch, delta.PayloadKey!);
    }

    [Fact]
    public async Task A_corrupted_chunk_is_refused()
    {
        var (baseManifest, result) = await _s.BuildAsync();
        var added = result.Patch.Entries.Single(e => e.Path == "added.bin");
        _s.Blobs.Corrupt(added.ChunkList[0].Sha256);

        await ShouldRefuseUntouchedAsync(baseManifest, result.Patch, added.ChunkList[0].Sha256);
    }

    [Fact]
    public async Task A_patch_that_deletes_a_path_the_base_does_not_hold_is_refused()
    {
        var (baseManifest, result) = await _s.BuildAsync();
        UpdateScenario.Write(_s.Install, "saves/slot1.sav", "progress"u8.ToArray());
        var patch = result.Patch with { Deleted = [.. result.Patch.Deleted, "saves/slot1.sav"] };

        await ShouldRefuseUntouchedAsync(baseManifest, patch, "saves/slot1.sav");
    }

    private async Task ShouldRefuseUntouchedAsync(
        VersionManifest baseManifest, VersionPatch patch, string reason)
    {
        var before = UpdateScenario.Snapshot(_s.Install);

        var refused = await Should.ThrowAsync<VersionPatchException>(() =>
            new VersionPatchApplier(_s.Blobs).ApplyAsync(
                _s.Install, baseManifest, patch, _s.Staging));

        refused.Message.ShouldContain(reason);
        UpdateScenario.Snapshot(_s.Install).ShouldBe(before);
        if (Directory.Exists(_s.Staging))
        {
            Directory.EnumerateFileSystemEntries(_s.Staging).ShouldBeEmpty();
        }
    }
}
