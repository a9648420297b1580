using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Hashing;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// Runs a journaled patch step's swap so that it can be finished or undone after a crash at
/// any point. Before operation <c>i</c> changes a path, whatever is there is renamed to
/// <c>aside/i.aside</c> (or <c>aside/i.empty</c> is created when nothing is), and an operation
/// that only creates, removes or flips leaves <c>aside/i.mark</c> first. So the aside folder
/// alone tells which operations have started, with no write to the journal per step, and
/// both directions are idempotent: running either again after a crash in the middle of it
/// is safe.
/// </summary>
/// <param name="beforeChange">Called before each change to the file system; tests throw
/// from it to stop the swap exactly there, as a crash would.</param>
internal sealed class JournaledSwap(
    InstallLayout layout, SwapJournal journal, Action? beforeChange = null)
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>True when every file the swap moves in is either still staged or already in
    /// place, with the target's size and SHA-256.</summary>
    public async Task<bool> CanRollForwardAsync(CancellationToken cancellationToken)
    {
        foreach (var op in journal.Operations.Where(o => o.Action == SwapAction.MoveIn))
        {
            var staged = StagedPath(op);
            var candidate = File.Exists(staged) ? staged : layout.InTree(op.Path);
            if (!await HoldsAsync(candidate, op, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs every operation not yet done, in order.</summary>
    public void RollForward(IProgressSink progress)
    {
        Directory.CreateDirectory(layout.BackupDir);
        var ops = journal.Operations;
        progress.Report(ProgressPhase.Placing, 0, ops.Count);
        for (var i = 0; i < ops.Count; i++)
        {
            Forward(i, ops[i]);
            progress.Report(ProgressPhase.Placing, i + 1, ops.Count);
        }
    }

    /// <summary>Undoes every started operation, last first, leaving the base's tree.</summary>
    public void RollBack()
    {
        for (var i = journal.Operations.Count - 1; i >= 0; i--)
        {
            Backward(i, journal.Operations[i]);
        }
    }

    private void Forward(int i, JournalOperation op)
    {
        var path = layout.InTree(op.Path);
        switch (op.Action)
        {
            case SwapAction.DeleteFile:
                // A folder where the base had a file is the player's; it stays.
                if (!Started(i) && !IsRealDirectory(path))
                {
                    MoveAside(i, path);
                }

                break;
            case SwapAction.DeleteDirectory:
                if (IsRealDirectory(path) && !Directory.EnumerateFileSystemEntries(path).Any())
                {
                    Mark(i);
                    Change(() => Directory.Delete(path));
                }

                break;
            case SwapAction.CreateDirectory:
                if (!Directory.Exists(path))
                {
                    Mark(i);
                    Change(() => Directory.CreateDirectory(path));
                }

                break;
            case SwapAction.MoveIn:
                var staged = StagedPath(op);
                if (File.Exists(staged))
                {
                    if (!Started(i))
                    {
                        MoveAside(i, path);
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    Change(() => File.Move(staged, path));
                }

                break;
            case SwapAction.SetExecutable:
                if (File.Exists(path) && IsExecutable(path) != op.Executable)
                {
                    Mark(i);
                    Change(() => SetExecutable(path, op.Executable));
                }

                break;
            case SwapAction.CreateSymlink:
                if (new FileInfo(path).LinkTarget != op.LinkTarget)
                {
                    if (!Started(i))
                    {
                        MoveAside(i, path);
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    Change(() => File.CreateSymbolicLink(path, op.LinkTarget!));
                }

                break;
        }
    }

    private void Backward(int i, JournalOperation op)
    {
        if (!Started(i))
        {
            return;
        }

        var path = layout.InTree(op.Path);
        switch (op.Action)
        {
            case SwapAction.DeleteDirectory:
                Change(() => Directory.CreateDirectory(path));
                break;
            case SwapAction.CreateDirectory:
                if (IsRealDirectory(path) && !Directory.EnumerateFileSystemEntries(path).Any())
                {
                    Change(() => Directory.Delete(path));
                }

                break;
            case SwapAction.SetExecutable:
                // Only a changed bit gets an operation, so the base's is the other one.
                if (File.Exists(path))
                {
                    Change(() => SetExecutable(path, !op.Executable));
                }

                break;
            case SwapAction.MoveIn:
                // The staged file goes back to staging, so that undoing is itself repeatable.
                var staged = StagedPath(op);
                if (!File.Exists(staged) && IsFile(path))
                {
                    Change(() => File.Move(path, staged));
                }

                break;
            case SwapAction.CreateSymlink:
                if (new FileInfo(path).LinkTarget == op.LinkTarget)
                {
                    Change(() => File.Delete(path));
                }

                break;
        }

        RestoreAside(i, path);
        foreach (var suffix in new[] { ".empty", ".mark" })
        {
            var marker = Aside(i, suffix);
            if (File.Exists(marker))
            {
                Change(() => File.Delete(marker));
            }
        }
    }

    private void MoveAside(int i, string path)
    {
        if (Exists(path))
        {
            var aside = Aside(i, ".aside");
            Change(() => Move(path, aside));
        }
        else
        {
            Change(() => File.Create(Aside(i, ".empty")).Dispose());
        }
    }

    private void RestoreAside(int i, string path)
    {
        var aside = Aside(i, ".aside");
        if (!Exists(aside))
        {
            return;
        }

        if (Exists(path))
        {
            // Something the undone operations left (a folder still holding files): moving
            // the base's entry over it would lose one or the other.
            throw new IOException(
                $"Cannot put {path} back: something else is there now; {aside} holds the " +
                "original.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Change(() => Move(aside, path));
    }

    private void Mark(int i) => Change(() => File.Create(Aside(i, ".mark")).Dispose());

    private bool Started(int i) =>
        Exists(Aside(i, ".aside")) || File.Exists(Aside(i, ".empty")) ||
        File.Exists(Aside(i, ".mark"));

    private string Aside(int i, string suffix) => Path.Combine(layout.BackupDir, $"{i}{suffix}");

    private string StagedPath(JournalOperation op) =>
        Path.Combine(layout.UpdateStagingDir, op.Staged ?? "");

    private void Change(Action change)
    {
        beforeChange?.Invoke();
        change();
    }

    private static async Task<bool> HoldsAsync(
        string path, JournalOperation op, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && info.Length == op.Size &&
            await Sha256Hex.OfFileAsync(path, cancellationToken) == op.Sha256;
    }

    /// <summary>A file, a link (even dangling) or a folder is there.</summary>
    private static bool Exists(string path) =>
        new FileInfo(path).LinkTarget is not null || File.Exists(path) || Directory.Exists(path);

    private static bool IsFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null;
    }

    private static bool IsRealDirectory(string path) =>
        Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null;

    // A rename moves a link itself, never what it points to; a link to a folder needs the
    // directory call, which File.Move refuses.
    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & AnyExecute) != 0;

    private static void SetExecutable(string path, bool executable)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode anyRead =
            UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var mode = File.GetUnixFileMode(path);

        // Execute follows read, as chmod +x under the usual umask gives.
        File.SetUnixFileMode(path, executable
            ? mode | (UnixFileMode)((int)(mode & anyRead) >> 2)
            : mode & ~AnyExecute);
    }
}
