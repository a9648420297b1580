using Mist.Delta.Manifests;

namespace Mist.Application.Storage;

public static class BlobStoreExtensions
{
    /// <summary>
    /// The chunk keys a manifest names that storage does not hold (each once, in manifest
    /// order). Empty means the version can go live; run it before publishing, since a power
    /// cut just after an ingest can lose the newest blobs (see docs/adr/0005).
    /// </summary>
    public static IReadOnlyList<string> FindMissingBlobs(
        this IBlobStore store, VersionManifest manifest) =>
    [
        .. manifest.Entries
            .SelectMany(e => e.ChunkList)
            .Select(c => c.Sha256)
            .Distinct(StringComparer.Ordinal)
            .Where(key => !store.Exists(key)),
    ];
}
