using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Finds the files an update can leave where they are: same path, content and executable bit
/// in both versions, and still intact on disk (hash-checked). They are neither staged nor
/// moved, which spares writing the whole game again and the disk space of a second copy.
/// </summary>
internal sealed class UnchangedFiles(InstallLayout layout, IProgressSink progress)
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public async Task<HashSet<string>> FindAsync(
        VersionManifest previous, VersionManifest target, CancellationToken cancellationToken)
    {
        var before = previous.Entries
            .Where(e => e.Kind == EntryKind.File)
            .ToDictionary(e => e.Path, StringComparer.Ordinal);
        var candidates = target.Entries
            .Where(e => e.Kind == EntryKind.File && before.TryGetValue(e.Path, out var old) &&
                old.Sha256 == e.Sha256 && old.Size == e.Size && old.Executable == e.Executable)
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
