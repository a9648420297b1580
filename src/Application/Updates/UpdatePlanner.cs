using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Updates;

/// <summary>
/// Chooses how a client reaches its target: a chain of completed patches, a download of the
/// chunks it lacks, or a full download. Pure: everything it weighs is passed in.
/// </summary>
/// <remarks>
/// The cheapest plan by bytes to download wins; ties go to fewer steps (a chunk download is
/// one step), then fewer bytes written, then chunks over patches. See ADR 0008.
/// </remarks>
public static class UpdatePlanner
{
    /// <summary>Plans the update of one client of one game.</summary>
    /// <exception cref="DomainException">
    /// Invalid when the target names both or neither of branch and label, or two versions
    /// share a label; NotFound when the label is unknown or nothing is published on the
    /// branch; Conflict when the pinned version is not published.
    /// </exception>
    public static UpdatePlan Plan(
        IReadOnlyCollection<VersionFacts> versions,
        IReadOnlyCollection<PatchFacts> patches,
        ClientState client,
        UpdateTarget target)
    {
        var byLabel = IndexByLabel(versions);
        var goal = TargetResolver.Resolve(byLabel, target);
        var goalChunks = DistinctChunks(goal);
        var missing = goalChunks.Where(c => !client.HeldChunks.Contains(c.Sha256)).ToList();

        if (client.InstalledLabel == goal.Label && missing.Count == 0)
        {
            return new UpdatePlan(
                UpdatePlanKind.UpToDate, goal.Label, goal.Label, goal.ManifestHash,
                [], [], 0, 0, 0);
        }

        var byChunks = ChunkPlan(client, goal, goalChunks.Count, missing);
        var byPatches = PatchPlan(client, goal, byLabel, patches);

        // Ties go to chunks: a chunk download checks no base file, so it cannot fail on a
        // locally modified install the way a patch can.
        return byPatches is not null && CostOf(byPatches) < CostOf(byChunks)
            ? byPatches
            : byChunks;
    }

    private static Dictionary<string, VersionFacts> IndexByLabel(
        IReadOnlyCollection<VersionFacts> versions)
    {
        var byLabel = new Dictionary<string, VersionFacts>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            if (!byLabel.TryAdd(version.Label, version))
                throw DomainException.Invalid($"Version '{version.Label}' is listed twice.");
        }

        return byLabel;
    }

    private static List<ChunkFact> DistinctChunks(VersionFacts version) =>
        [.. version.Chunks
            .DistinctBy(c => c.Sha256, StringComparer.Ordinal)
            .OrderBy(c => c.Sha256, StringComparer.Ordinal)];

    private static UpdatePlan ChunkPlan(
        ClientState client, VersionFacts goal, int goalChunkCount, List<ChunkFact> missing)
    {
        var full = missing.Count == goalChunkCount;
        var download = goal.ManifestBytes + missing.Sum(c => c.StoredBytes);

        // A chunk's raw bytes undercount a partial update: a file with one new chunk is
        // rebuilt whole from held chunks too. Only the manifest's file list could say more.
        var written = full ? goal.RawBytes : missing.Sum(c => c.RawBytes);

        // Files are staged beside an installed tree until the swap; with nothing on disk
        // they are written where they will stay.
        var hasTree = client.InstalledLabel is not null || client.HeldChunks.Count > 0;

        return new UpdatePlan(
            full ? UpdatePlanKind.Full : UpdatePlanKind.Chunks,
            client.InstalledLabel,
            goal.Label,
            goal.ManifestHash,
            [],
            missing,
            download,
            written,
            hasTree ? written : 0);
    }

    private static UpdatePlan? PatchPlan(
        ClientState client,
        VersionFacts goal,
        Dictionary<string, VersionFacts> byLabel,
        IReadOnlyCollection<PatchFacts> patches)
    {
        if (client.InstalledLabel is not { } installed || installed == goal.Label)
            return null;

        // A patch checks each base file's hash before applying, so it needs the installed
        // version whole; a client missing some of its chunks is repaired by chunks instead.
        if (!byLabel.TryGetValue(installed, out var start)
            || !start.Chunks.All(c => client.HeldChunks.Contains(c.Sha256)))
        {
            return null;
        }

        var steps = PatchRouter.Cheapest(start.Label, goal.Label, byLabel, patches);
        if (steps is null)
            return null;

        // Each step is downloaded, applied and swapped in before the next begins, so the
        // disk needs room for the largest step, not for all of them.
        return new UpdatePlan(
            UpdatePlanKind.PatchChain,
            installed,
            goal.Label,
            goal.ManifestHash,
            steps,
            [],
            steps.Sum(s => s.DownloadBytes),
            steps.Sum(s => s.BytesWritten),
            steps.Max(s => s.PeakExtraBytes));
    }

    private static PlanCost CostOf(UpdatePlan plan) =>
        new(
            plan.DownloadBytes,
            plan.Kind == UpdatePlanKind.PatchChain ? plan.Patches.Count : 1,
            plan.BytesWritten);
}
