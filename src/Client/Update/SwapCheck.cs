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
        var checks = journal.Operations
            .Where(o => o.Action is not (SwapAction.DeleteFile or SwapAction.DeleteDirectory))
            .ToList();
        var total = checks.Where(o => o.Action == SwapAction.MoveIn).Sum(o => o.Size);
        long done = 0;
        progress.Report(ProgressPhase.Verifying, 0, total);

        // Files are hashed several at a time, one per core; the answer is still the first
        // mismatch in the journal's order.
        var problems = new string?[checks.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, checks.Count), parallel, async (i, token) =>
        {
            var op = checks[i];
            var problem = entries.TryGetValue(op.Path, out var entry)
                ? await MismatchAsync(entry, layout.InTree(op.Path), token)
                : "is not in the target's manifest";
            problems[i] = problem is null ? null : $"{op.Path} {problem}";
            if (op.Action == SwapAction.MoveIn)
            {
                progress.Report(
                    ProgressPhase.Verifying, Interlocked.Add(ref done, op.Size), total);
            }
        });

        return problems.FirstOrDefault(p => p is not null);
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
