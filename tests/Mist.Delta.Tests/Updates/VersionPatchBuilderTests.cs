using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

public sealed class VersionPatchBuilderTests : IDisposable
{
    private readonly UpdateScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_small_change_to_a_large_file_is_worth_shipping()
    {
        var old = UpdateScenario.Random(300_000, 30);
        var changed = old.ToArray();
        changed.AsSpan(150_000, 100).Fill(1);
        UpdateScenario.Write(_s.Install, "big.pak", old);
        UpdateScenario.Write(_s.Target, "big.pak", changed);

        var (_, result) = await _s.BuildAsync();

        result.PayloadBytes.ShouldBeGreaterThan(0);
        result.ChunkBytes.ShouldBe(0);
        result.DownloadBytes.ShouldBeLessThan(result.ChunksOnlyBytes);
        result.WorthShipping.ShouldBeTrue();
    }

    [Fact]
    public async Task A_patch_of_only_new_content_is_not_worth_shipping()
    {
        UpdateScenario.Write(_s.Install, "old.pak", UpdateScenario.Random(50_000, 31));
        UpdateScenario.Write(_s.Target, "new.pak", UpdateScenario.Random(50_000, 32));

        var (_, result) = await _s.BuildAsync();

        result.Patch.Entries.Single().Kind.ShouldBe(PatchEntryKind.Chunks);
        result.PayloadBytes.ShouldBe(0);
        result.ChunkBytes.ShouldBe(result.ChunksOnlyBytes);
        result.WorthShipping.ShouldBeFalse();
    }

    [Fact]
    public async Task The_same_payload_for_two_files_is_stored_and_counted_once()
    {
        var old = UpdateScenario.Random(80_000, 33);
        var changed = old.ToArray();
        changed[1_000] ^= 0xFF;
        foreach (var folder in new[] { "x", "y" })
        {
            UpdateScenario.Write(_s.Install, $"{folder}/data.pak", old);
            UpdateScenario.Write(_s.Target, $"{folder}/data.pak", changed);
        }

        var (_, result) = await _s.BuildAsync();

        var deltas = result.Patch.Entries.Where(e => e.Kind == PatchEntryKind.Delta).ToList();
        deltas.Count.ShouldBe(2);
        deltas[0].PayloadKey.ShouldBe(deltas[1].PayloadKey);
        _s.Blobs.Put.Count.ShouldBe(1);
        result.PayloadBytes.ShouldBe(deltas[0].PayloadSize);
    }

    [Fact]
    public async Task Files_that_cannot_seek_are_read_through_a_temporary_copy()
    {
        var old = UpdateScenario.Random(60_000, 34);
        var changed = old.ToArray();
        changed[30_000] ^= 1;
        UpdateScenario.Write(_s.Install, "f.pak", old);
        UpdateScenario.Write(_s.Target, "f.pak", changed);
        var baseManifest = await UpdateScenario.ManifestAsync(_s.Install);
        var targetManifest = await UpdateScenario.ManifestAsync(_s.Target);
        var builder = new VersionPatchBuilder(
            new ForwardOnlyFiles(_s.Install), new ForwardOnlyFiles(_s.Target), _s.Blobs);

        var result = await builder.BuildAsync(baseManifest, targetManifest);

        result.Patch.Entries.Single().Kind.ShouldBe(PatchEntryKind.Delta);
    }

    [Fact]
    public async Task Content_that_does_not_match_its_manifest_is_refused()
    {
        UpdateScenario.Write(_s.Install, "f.pak", UpdateScenario.Random(30_000, 35));
        UpdateScenario.Write(_s.Target, "f.pak", UpdateScenario.Random(30_000, 36));
        var baseManifest = await UpdateScenario.ManifestAsync(_s.Install);
        var targetManifest = await UpdateScenario.ManifestAsync(_s.Target);
        UpdateScenario.Write(_s.Target, "f.pak", UpdateScenario.Random(30_000, 37));
        var builder = new VersionPatchBuilder(
            new FolderVersionFiles(_s.Install), new FolderVersionFiles(_s.Target), _s.Blobs);

        await Should.ThrowAsync<InvalidDataException>(
            () => builder.BuildAsync(baseManifest, targetManifest));
    }

    private sealed class ForwardOnlyFiles(string root) : IVersionFiles
    {
        public Stream Open(ManifestEntry entry) =>
            new ForwardOnlyStream(File.ReadAllBytes(Path.Combine(root, entry.Path)));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
