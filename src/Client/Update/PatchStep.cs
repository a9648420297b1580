using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Blobs;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;
using ZstdSharp;

namespace Mist.Client.Update;

/// <summary>
/// Applies one patch of a chain: fetches and checks the patch and its target manifest,
/// downloads the blobs it needs, stages and verifies every changed file, writes the journal,
/// swaps, checks what the swap wrote and records the target. Anything wrong with the patch
/// or its blobs surfaces as <see cref="VersionPatchException"/> before the tree is touched
/// (or after the swap was undone), so the caller can update by chunks instead.
/// </summary>
internal sealed class PatchStep(
    IUpdateServer server, InstallerOptions options, Action? beforeSwapChange)
{
    // A patch manifest lists every entry of the target; a game of a million files stays far
    // below this.
    private const int MaxPatchBytes = 256 << 20;

    public async Task<StepOutcome> RunAsync(
        InstallLayout layout, InstalledState installed, PlannedPatch planned,
        string? finalTargetHash, IProgressSink progress, CancellationToken cancellationToken)
    {
        if (planned.From != installed.Version.Label)
        {
            throw new VersionPatchException(
                $"The plan's patch starts at {planned.From}, but {installed.Version.Label} is " +
                "installed.");
        }

        var patch = await FetchPatchAsync(planned.PatchManifestHash, cancellationToken);
        if (patch.BaseManifestHash != installed.Version.ManifestHash)
        {
            throw new VersionPatchException(
                $"The patch to {planned.To} is for manifest {patch.BaseManifestHash}, not the " +
                $"installed {installed.Version.ManifestHash}.");
        }

        if (finalTargetHash is not null && patch.TargetManifestHash != finalTargetHash)
        {
            throw new VersionPatchException(
                $"The last patch leads to manifest {patch.TargetManifestHash}, not the plan's " +
                $"{finalTargetHash}.");
        }

        var (targetBytes, target) = await new Installer(server, options)
            .FetchManifestAsync(patch.TargetManifestHash, cancellationToken);
        ManifestGuard.EnsureInstallable(target);
        PatchFit.EnsureFits(layout, patch, target);

        var cache = new ChunkCache(layout.ChunksDir);
        var blobs = new PatchBlobs(server, cache, patch, installed.Manifest);
        await blobs.PrefetchAsync(options, progress, cancellationToken);

        var staged = await StageAsync(layout, installed, patch, blobs, progress, cancellationToken);
        var journal = Journal(installed.Version, planned.To, patch, staged);
        await JournalFile.WriteAsync(
            layout, journal, installed.ManifestBytes, targetBytes, cancellationToken);
        await UpdateRecovery.FinishAsync(
            layout, journal, installed.ManifestBytes, targetBytes, progress, cancellationToken,
            beforeSwapChange);

        cache.Clear();
        var version = installed.Version with
        {
            Label = planned.To,
            ManifestHash = patch.TargetManifestHash,
            InstalledAt = DateTimeOffset.UtcNow,
        };
        var written = journal.Operations.Where(o => o.Action == SwapAction.MoveIn).Sum(o => o.Size);
        return new StepOutcome(new InstalledState(version, targetBytes, target), written);
    }

    private async Task<VersionPatch> FetchPatchAsync(
        string hash, CancellationToken cancellationToken)
    {
        byte[] blob;
        try
        {
            blob = await server.GetBlobAsync(
                hash, BlobCodec.MaxBlobLength(MaxPatchBytes), cancellationToken);
        }
        catch (MistApiException e) when (e.StatusCode is >= 400 and < 500)
        {
            throw new VersionPatchException($"The patch {hash} cannot be fetched: {e.Message}", e);
        }

        try
        {
            // The store writes each blob in one go, so its frame states the content size.
            var declared = Decompressor.GetDecompressedSize(blob);
            if (declared > MaxPatchBytes)
            {
                throw new InvalidDataException($"it declares {declared} bytes");
            }

            var bytes = BlobCodec.DecompressVerified(blob, (int)declared, hash);
            return VersionPatchSerializer.Deserialize(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException)
        {
            throw new VersionPatchException($"The patch {hash} is damaged: {e.Message}", e);
        }
    }

    private static async Task<StagedUpdate> StageAsync(
        InstallLayout layout, InstalledState installed, VersionPatch patch, PatchBlobs blobs,
        IProgressSink progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(layout.UpdateDir))
        {
            Directory.Delete(layout.UpdateDir, recursive: true);
        }

        // The applier writes whole files and reports nothing inside; the bar moves per step.
        var total = patch.Entries
            .Where(e => e.Kind is PatchEntryKind.Copy or PatchEntryKind.Delta
                or PatchEntryKind.Chunks)
            .Sum(e => e.Size);
        progress.Report(ProgressPhase.Applying, 0, total);
        var staged = await new VersionPatchApplier(blobs).StageAsync(
            layout.Root, installed.Manifest, patch, layout.UpdateStagingDir, cancellationToken);
        progress.Report(ProgressPhase.Applying, total, total);
        return staged;
    }

    private static SwapJournal Journal(
        InstalledVersion from, string toLabel, VersionPatch patch, StagedUpdate staged)
    {
        var entries = patch.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var ops = staged.Operations.Select(op =>
        {
            var entry = op.Action == SwapAction.MoveIn ? entries[op.Path] : null;
            return new JournalOperation(
                op.Action, op.Path, op.StagedPath is null ? null : Path.GetFileName(op.StagedPath),
                op.Executable, op.LinkTarget, entry?.Size ?? 0, entry?.Sha256);
        });
        return new SwapJournal(
            SwapJournal.CurrentFormat, from.Game, from.Branch, from.Server, from.Label,
            patch.BaseManifestHash, toLabel, patch.TargetManifestHash, [.. ops]);
    }
}
