namespace Mist.Application.Contracts;

/// <summary>A worker's report to a patch chain: how an attempt at one of its pairs ended.
/// Sent again for a redelivered request, so the chain must accept it twice.</summary>
/// <param name="PatchChainId">The chain (saga) the pair belongs to.</param>
/// <param name="FromLabel">The pair's base version.</param>
/// <param name="Attempt">The attempt reported on.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why it failed; null otherwise.</param>
public sealed record PatchSettled(
    string PatchChainId,
    string FromLabel,
    int Attempt,
    PatchOutcome Outcome,
    string? Reason);
