using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// Finishes a journaled patch step: the swap, the check of what it wrote, and the record of
/// the new version; or, when that cannot be done, undoes it and records the base again.
/// Every command that changes an install runs <see cref="RecoverAsync"/> first, so a step
/// killed at any point is completed or rolled back before anything else looks at the tree.
/// </summary>
internal static class UpdateRecovery
{
    /// <summary>Completes or undoes the step a journal left behind, if any. The caller holds
    /// the folder's lock.</summary>
    public static async Task<RecoveryOutcome> RecoverAsync(
        InstallLayout layout, IProgressSink progress, CancellationToken cancellationToken,
        Action? beforeChange = null)
    {
        var read = await JournalFile.ReadAsync(layout, cancellationToken);
        if (read is null)
        {
            // A crash while staging, or after the journal went: leftovers, not a mixed tree.
            if (Directory.Exists(layout.UpdateDir))
            {
                Directory.Delete(layout.UpdateDir, recursive: true);
            }

            return RecoveryOutcome.NothingToRecover;
        }

        var (journal, baseBytes, targetBytes) = read.Value;
        var swap = new JournaledSwap(layout, journal, beforeChange);
        var name = $"{journal.Game} {journal.BaseLabel} to {journal.TargetLabel}";
        if (await swap.CanRollForwardAsync(cancellationToken))
        {
            progress.Message($"The update of {name} was interrupted; finishing it.");
            try
            {
                await FinishAsync(
                    layout, journal, baseBytes, targetBytes, progress, cancellationToken,
                    beforeChange);
                return RecoveryOutcome.RolledForward;
            }
            catch (VersionPatchException e)
            {
                progress.Message(e.Message);
                return RecoveryOutcome.RolledBack;
            }
        }

        progress.Message(
            $"The update of {name} was interrupted and some of its staged files are missing " +
            $"or damaged; putting {journal.BaseLabel} back.");
        await RollBackAsync(layout, journal, baseBytes, cancellationToken, beforeChange);
        return RecoveryOutcome.RolledBack;
    }

    /// <summary>
    /// Runs the journaled swap to the end, checks every entry it touched against the target
    /// and records the target. When the file system refuses a step or a check fails, the
    /// swap is undone and the base recorded again.
    /// </summary>
    /// <exception cref="VersionPatchException">The swap failed and was undone.</exception>
    public static async Task FinishAsync(
        InstallLayout layout, SwapJournal journal, byte[] baseBytes, byte[] targetBytes,
        IProgressSink progress, CancellationToken cancellationToken, Action? beforeChange = null)
    {
        var swap = new JournaledSwap(layout, journal, beforeChange);
        string? failure;
        try
        {
            swap.RollForward(progress);
            failure = await SwapCheck.FirstMismatchAsync(
                layout, journal, ManifestSerializer.Deserialize(targetBytes), progress,
                cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            await RollBackAsync(layout, journal, baseBytes, cancellationToken, beforeChange);
            throw new VersionPatchException(
                $"Swapping in {journal.TargetLabel} failed ({failure}); " +
                $"{journal.BaseLabel} was put back.");
        }

        await RecordAsync(
            layout, journal, journal.TargetLabel, targetBytes, cancellationToken, beforeChange);
    }

    private static async Task RollBackAsync(
        InstallLayout layout, SwapJournal journal, byte[] baseBytes,
        CancellationToken cancellationToken, Action? beforeChange)
    {
        new JournaledSwap(layout, journal, beforeChange).RollBack();

        // A crash between writing the target's manifest and its record leaves the kept
        // manifest naming the target; the base's is written back whatever happened.
        await RecordAsync(
            layout, journal, journal.BaseLabel, baseBytes, cancellationToken, beforeChange);
    }

    private static async Task RecordAsync(
        InstallLayout layout, SwapJournal journal, string label, byte[] manifestBytes,
        CancellationToken cancellationToken, Action? beforeChange)
    {
        var record = new InstallRecord(layout);
        var installed = new InstalledVersion(
            journal.Game, label, journal.Branch, ManifestSerializer.Hash(manifestBytes),
            journal.Server, DateTimeOffset.UtcNow);
        beforeChange?.Invoke();
        await record.WriteManifestAsync(manifestBytes, cancellationToken);
        beforeChange?.Invoke();
        await record.WriteInstalledAsync(installed, cancellationToken);
        beforeChange?.Invoke();
        JournalFile.Remove(layout);
    }
}
