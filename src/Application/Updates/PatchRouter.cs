using Mist.Domain.Versions;

namespace Mist.Application.Updates;

/// <summary>
/// Dijkstra over completed patches, versions as nodes, <see cref="PlanCost"/> as distance.
/// </summary>
internal static class PatchRouter
{
    // Equal costs settle in ordinal label order, so the chosen path never depends on the
    // order the caller listed patches in.
    private static readonly IComparer<(PlanCost Cost, string Label)> QueueOrder =
        Comparer<(PlanCost Cost, string Label)>.Create((a, b) =>
        {
            var byCost = a.Cost.CompareTo(b.Cost);
            return byCost != 0 ? byCost : string.CompareOrdinal(a.Label, b.Label);
        });

    /// <summary>The cheapest patches from start to goal in order, or null when none lead.</summary>
    public static IReadOnlyList<PatchFacts>? Cheapest(
        string start,
        string goal,
        IReadOnlyDictionary<string, VersionFacts> versions,
        IEnumerable<PatchFacts> patches)
    {
        var edges = patches
            .Where(p => IsUsable(p, start, versions))
            .OrderBy(p => p.To, StringComparer.Ordinal)
            .ThenBy(p => p.DownloadBytes)
            .ThenBy(p => p.BytesWritten)
            .ThenBy(p => p.PeakExtraBytes)
            .ToLookup(p => p.From, StringComparer.Ordinal);

        var best = new Dictionary<string, PlanCost>(StringComparer.Ordinal)
        {
            [start] = PlanCost.Zero,
        };
        var via = new Dictionary<string, PatchFacts>(StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        var queue = new PriorityQueue<string, (PlanCost Cost, string Label)>(QueueOrder);
        queue.Enqueue(start, (PlanCost.Zero, start));

        while (queue.TryDequeue(out var label, out var entry))
        {
            // A node is queued again whenever a cheaper path to it turns up; the later,
            // dearer entries are stale.
            if (!settled.Add(label))
                continue;
            if (label == goal)
                return Walk(via, start, goal);

            foreach (var patch in edges[label])
            {
                var cost = entry.Cost.Plus(patch);
                if (best.TryGetValue(patch.To, out var known) && known <= cost)
                    continue;

                best[patch.To] = cost;
                via[patch.To] = patch;
                queue.Enqueue(patch.To, (cost, patch.To));
            }
        }

        return null;
    }

    // The start may be withdrawn or unpublished (the client has it anyway); every version a
    // patch leads to must be published. A patch is only followed from a version already
    // reached, so this one check keeps withdrawn versions off the whole path.
    private static bool IsUsable(
        PatchFacts patch, string start, IReadOnlyDictionary<string, VersionFacts> versions) =>
        patch.To != start
        && versions.TryGetValue(patch.To, out var to)
        && to.Status == VersionStatus.Published;

    private static List<PatchFacts> Walk(
        Dictionary<string, PatchFacts> via, string start, string goal)
    {
        var steps = new List<PatchFacts>();
        for (var label = goal; label != start; label = via[label].From)
            steps.Add(via[label]);

        steps.Reverse();
        return steps;
    }
}
