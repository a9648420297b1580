using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Works out which chunks to download given what is already done: a staged file needs
/// nothing; a chunk in the cache is not fetched again; a chunk shared by several files (or
/// repeated inside one) is fetched once.
/// </summary>
public static class FetchPlanner
{
    public static FetchPlan Plan(
        VersionManifest manifest, Func<ManifestEntry, bool> isStaged, Func<string, bool> isCached)
    {
        var files = manifest.Entries
            .Where(e => e.Kind == EntryKind.File && !isStaged(e))
            .ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var toFetch = new List<ChunkRef>();
        var cached = 0;
        foreach (var chunk in files.SelectMany(f => f.ChunkList))
        {
            if (!seen.Add(chunk.Sha256))
            {
                continue;
            }

            if (isCached(chunk.Sha256))
            {
                cached++;
            }
            else
            {
                toFetch.Add(chunk);
            }
        }

        return new FetchPlan(files, toFetch, cached);
    }
}
