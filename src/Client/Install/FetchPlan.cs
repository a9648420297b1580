using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// What an install still has to do: the files not yet staged, and the distinct chunks they
/// need that are not in the chunk cache.
/// </summary>
public sealed record FetchPlan(
    IReadOnlyList<ManifestEntry> FilesToAssemble,
    IReadOnlyList<ChunkRef> ChunksToFetch,
    int ChunksAlreadyCached)
{
    public long BytesToFetch => ChunksToFetch.Sum(c => (long)c.Length);

    public long BytesToAssemble => FilesToAssemble.Sum(f => f.Size);
}
