namespace Mist.Application.Catalog;

/// <summary>The patch chain of a version: closed or not, and each of its pairs.</summary>
/// <param name="Completed">True once PatchChainCompleted is in the catalog.</param>
/// <param name="TimedOut">True when the chain's timeout closed it.</param>
/// <param name="Patches">The pairs that lead to the version, by base label.</param>
public sealed record PatchChainStatus(
    bool Completed,
    bool TimedOut,
    IReadOnlyList<PatchProgress> Patches);
