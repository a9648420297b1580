using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Copies chunks the new version needs out of the files of the version already installed,
/// so an update downloads only what changed. Every chunk read is hash-checked; a file the
/// player modified simply contributes nothing.
/// </summary>
internal sealed class ChunkReuse(InstallLayout layout, ChunkCache cache, IProgressSink progress)
{
    /// <returns>How many chunks were taken from the installed files.</returns>
    public async Task<int> SeedAsync(
        VersionManifest previous, IReadOnlyList<ChunkRef> wanted,
        CancellationToken cancellationToken)
    {
        var needed = wanted.Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        var sources = previous.Entries
            .Where(e => e.Kind == EntryKind.File)
            .Select(e => (File: e, Chunks: e.ChunkList.Where(c => needed.Contains(c.Sha256))
                .ToList()))
            .Where(x => x.Chunks.Count > 0)
            .ToList();

        var total = sources.Sum(s => s.Chunks.Sum(c => (long)c.Length));
        long done = 0;
        var seeded = 0;
        progress.Report(ProgressPhase.Reusing, 0, total);

        foreach (var (file, chunks) in sources)
        {
            seeded += await SeedFromFileAsync(file, chunks, needed, cancellationToken);
            done += chunks.Sum(c => (long)c.Length);
            progress.Report(ProgressPhase.Reusing, done, total);
        }

        return seeded;
    }

    private async Task<int> SeedFromFileAsync(
        ManifestEntry file, List<ChunkRef> chunks, HashSet<string> needed,
        CancellationToken cancellationToken)
    {
        var path = layout.InTree(file.Path);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length != file.Size ||
            layout.IsUnderLink(file.Path))
        {
            return 0;
        }

        var seeded = 0;
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.Asynchronous);
        foreach (var chunk in chunks.Where(c => needed.Contains(c.Sha256)))
        {
            var data = new byte[chunk.Length];
            stream.Position = chunk.Offset;
            await stream.ReadExactlyAsync(data, cancellationToken);
            if (Sha256Hex.Of(data) != chunk.Sha256)
            {
                continue;
            }

            await cache.StoreAsync(chunk.Sha256, data, cancellationToken);
            needed.Remove(chunk.Sha256);
            seeded++;
        }

        return seeded;
    }
}
