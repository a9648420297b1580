namespace Mist.Client.Http;

/// <summary>
/// A version's patch chain as the server reports it
/// (<c>GET /api/admin/games/{slug}/versions/{label}/patches</c>). <see cref="Completed"/>
/// turns true once the chain has closed; <see cref="TimedOut"/> says its timeout closed it.
/// </summary>
public sealed record PatchChainProgress(
    bool Completed,
    bool TimedOut,
    IReadOnlyList<PatchPairProgress>? Patches)
{
    public IReadOnlyList<PatchPairProgress> PairList => Patches ?? [];

    /// <summary>Pairs failed for good: a failed pair of an open chain may be tried again.
    /// </summary>
    public IReadOnlyList<PatchPairProgress> FailedPairs =>
        Completed ? [.. PairList.Where(p => !p.IsSettled)] : [];
}
