using Mist.Delta.Manifests;

namespace Mist.Delta.Updates;

/// <summary>Lookups over the base manifest that the builder's choices need.</summary>
internal sealed class BaseIndex
{
    public BaseIndex(VersionManifest manifest)
    {
        foreach (var entry in manifest.Entries)
        {
            ByPath[entry.Path] = entry;
            if (entry.Kind != EntryKind.File || entry.Sha256 is null)
            {
                continue;
            }

            Files.Add(entry);
            BySha.TryAdd(entry.Sha256, entry);
            foreach (var chunk in entry.ChunkList)
            {
                if (!ChunkOwners.TryGetValue(chunk.Sha256, out var owners))
                {
                    ChunkOwners[chunk.Sha256] = owners = [];
                }

                owners.Add((entry, chunk.Length));
            }
        }
    }

    public Dictionary<string, ManifestEntry> ByPath { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ManifestEntry> BySha { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<(ManifestEntry File, int Length)>> ChunkOwners { get; } =
        new(StringComparer.Ordinal);

    private List<ManifestEntry> Files { get; } = [];

    /// <summary>
    /// The base file a delta for <paramref name="target"/> should start from: the file at the
    /// same path; else the one sharing the most chunk bytes; else one with the same name in
    /// another folder; else one with the same extension and a size within a factor of two.
    /// The nearest size breaks ties, as files of similar size tend to share more.
    /// </summary>
    public ManifestEntry? MostSimilar(ManifestEntry target)
    {
        if (ByPath.TryGetValue(target.Path, out var same) && same.Kind == EntryKind.File)
        {
            return same;
        }

        var shared = new Dictionary<ManifestEntry, long>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in target.ChunkList.DistinctBy(c => c.Sha256))
        {
            if (ChunkOwners.TryGetValue(chunk.Sha256, out var owners))
            {
                foreach (var (file, length) in owners.DistinctBy(o => o.File.Path))
                {
                    shared[file] = shared.GetValueOrDefault(file) + length;
                }
            }
        }

        if (shared.Count > 0)
        {
            return shared
                .OrderByDescending(p => p.Value)
                .ThenBy(p => Distance(p.Key, target))
                .ThenBy(p => p.Key.Path, StringComparer.Ordinal)
                .First().Key;
        }

        var name = Path.GetFileName(target.Path);
        var extension = Path.GetExtension(target.Path);
        return Nearest(target, Files.Where(f =>
                string.Equals(Path.GetFileName(f.Path), name, StringComparison.OrdinalIgnoreCase)))
            ?? Nearest(target, Files.Where(f =>
                extension.Length > 0 &&
                Path.GetExtension(f.Path).Equals(extension, StringComparison.OrdinalIgnoreCase) &&
                f.Size > 0 && f.Size <= 2 * target.Size && target.Size <= 2 * f.Size));
    }

    private static ManifestEntry? Nearest(ManifestEntry target, IEnumerable<ManifestEntry> files) =>
        files
            .OrderBy(f => Distance(f, target))
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .FirstOrDefault();

    private static long Distance(ManifestEntry a, ManifestEntry b) => Math.Abs(a.Size - b.Size);
}
