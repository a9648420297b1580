using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// Checks, after a swap, every entry it touched against the target manifest: each moved-in
/// file by size, executable bit and SHA-256, each link by its target, each folder and flipped
/// bit. Unchanged files are not read again; staging already proved the patch's files.
/// </summary>
internal static class SwapCheck
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <returns>What is wrong with the first entry that does not match, or null.</returns>
    public static async Task<string?> FirstMismatchAsync(
        InstallLayout layout, SwapJournal journal, VersionManifest target,
        IProgressSink progress, CancellationToken cancellationToken)
    {
        var entries = target.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var total = journal.Operations.Where(o => o.Action == SwapAction.MoveIn).Sum(o => o.Size);
        long done = 0;
        progress.Report(ProgressPhase.Verifying, 0, total);
        foreach (var op in journal.Operations)
        {
            if (op.Action == SwapAction.DeleteFile || op.Action == SwapAction.DeleteDirectory)
            {
                continue;
            }

            var path = layout.InTree(op.Path);
            if (!entries.TryGetValue(op.Path, out var entry))
            {
                return $"{op.Path} is not in the target's manifest";
            }

            var problem = await MismatchAsync(entry, path, cancellationToken);
            if (problem is not null)
            {
                return $"{op.Path} {problem}";
            }

            if (op.Action == SwapAction.MoveIn)
            {
                done += op.Size;
                progress.Report(ProgressPhase.Verifying, done, total);
            }
        }

        return null;
    }

    private static async Task<string?> MismatchAsync(
        ManifestEntry entry, string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        switch (entry.Kind)
        {
            case EntryKind.Symlink:
                return info.LinkTarget == entry.LinkTarget ? null : "is not the target's link";
            case EntryKind.Directory:
                return Directory.Exists(path) && info.LinkTarget is null
                    ? null
                    : "is not a folder";
        }

        if (!info.Exists || info.LinkTarget is not null || info.Length != entry.Size)
        {
            return "is missing or has the wrong size";
        }

        if (!OperatingSystem.IsWindows() &&
            ((info.UnixFileMode & AnyExecute) != 0) != entry.Executable)
        {
            return "has the wrong executable bit";
        }

        return await Sha256Hex.OfFileAsync(path, cancellationToken) == entry.Sha256
            ? null
            : "has other content than the target's";
    }
}
