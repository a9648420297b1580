using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Finds the target's files that are already on disk exactly as the target wants them (size,
/// executable bit, SHA-256): files an update did not change, files a repair finds intact,
/// files an interrupted install had already moved into place. They are neither staged nor
/// moved, which spares writing the whole game again and the disk space of a second copy.
/// </summary>
internal sealed class FilesInPlace(InstallLayout layout, IProgressSink progress)
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public async Task<HashSet<string>> FindAsync(
        VersionManifest target, CancellationToken cancellationToken)
    {
        // Only a file of the right size is worth reading; that check costs no more than a stat.
        var candidates = target.Entries
            .Where(e => e.Kind == EntryKind.File && HasSize(e))
            .ToList();

        var total = candidates.Sum(e => e.Size);
        long done = 0;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        progress.Report(ProgressPhase.Checking, 0, total);

        foreach (var entry in candidates)
        {
            if (await IsIntactAsync(entry, cancellationToken))
            {
                kept.Add(entry.Path);
            }

            done += entry.Size;
            progress.Report(ProgressPhase.Checking, done, total);
        }

        return kept;
    }

    private bool HasSize(ManifestEntry entry)
    {
        var info = new FileInfo(layout.InTree(entry.Path));
        return info.Exists && info.LinkTarget is null && info.Length == entry.Size;
    }

    private async Task<bool> IsIntactAsync(
        ManifestEntry entry, CancellationToken cancellationToken)
    {
        var path = layout.InTree(entry.Path);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Length != entry.Size ||
            layout.IsUnderLink(entry.Path))
        {
            return false;
        }

        var executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & AnyExecute) != 0;
        if (!OperatingSystem.IsWindows() && executable != entry.Executable)
        {
            return false;
        }

        return entry.Size == 0 ||
            await Sha256Hex.OfFileAsync(path, cancellationToken) == entry.Sha256;
    }
}
