using Mist.Client.Install;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Install;

public sealed class FetchPlannerTests
{
    private static readonly ChunkRef A = Chunk(0, 'a');
    private static readonly ChunkRef B = Chunk(10, 'b');
    private static readonly ChunkRef C = Chunk(0, 'c');
    private static readonly ChunkRef D = Chunk(10, 'd');

    private static readonly VersionManifest Manifest = VersionManifest.Create(
    [
        File("one.bin", A, B),
        File("two.bin", C, D),
        File("three.bin", A with { Offset = 0 }, C with { Offset = 10 }),
        new ManifestEntry("dir", EntryKind.Directory),
        new ManifestEntry("empty.txt", EntryKind.File, 0, new string('e', 64)),
    ]);

    [Fact]
    public void Empty_cache_fetches_every_distinct_chunk_once()
    {
        var plan = FetchPlanner.Plan(Manifest, _ => false, _ => false);

        plan.ChunksToFetch.Select(c => c.Sha256).ShouldBe(
            [A.Sha256, B.Sha256, C.Sha256, D.Sha256], ignoreOrder: true);
        plan.BytesToFetch.ShouldBe(40);
        plan.FilesToAssemble.Select(f => f.Path).ShouldBe(
            ["empty.txt", "one.bin", "three.bin", "two.bin"]);
    }

    [Fact]
    public void Cached_chunks_are_not_fetched_again()
    {
        var cached = new HashSet<string> { A.Sha256, D.Sha256 };

        var plan = FetchPlanner.Plan(Manifest, _ => false, cached.Contains);

        plan.ChunksToFetch.Select(c => c.Sha256).ShouldBe([B.Sha256, C.Sha256], ignoreOrder: true);
        plan.ChunksAlreadyCached.ShouldBe(2);
    }

    [Fact]
    public void Staged_files_need_nothing_but_chunks_they_share_are_still_fetched()
    {
        var staged = new HashSet<string> { "one.bin", "two.bin", "empty.txt" };

        var plan = FetchPlanner.Plan(Manifest, e => staged.Contains(e.Path), _ => false);

        plan.FilesToAssemble.ShouldHaveSingleItem().Path.ShouldBe("three.bin");
        plan.ChunksToFetch.Select(c => c.Sha256).ShouldBe([A.Sha256, C.Sha256], ignoreOrder: true);
    }

    [Fact]
    public void Everything_staged_means_nothing_to_do()
    {
        var plan = FetchPlanner.Plan(Manifest, _ => true, _ => false);

        plan.FilesToAssemble.ShouldBeEmpty();
        plan.ChunksToFetch.ShouldBeEmpty();
    }

    private static ChunkRef Chunk(long offset, char fill) => new(offset, 10, new string(fill, 64));

    private static ManifestEntry File(string path, params ChunkRef[] chunks) =>
        new(path, EntryKind.File, chunks.Sum(c => c.Length), new string('f', 64),
            Chunks: chunks);
}
