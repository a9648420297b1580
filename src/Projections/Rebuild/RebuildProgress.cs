namespace Mist.Projections.Rebuild;

/// <summary>
/// How far a rebuild has replayed: the last sequence applied and the checkpoint it aims at
/// (the live projection's, read again at the swap).
/// </summary>
public sealed record RebuildProgress(long Sequence, long Target, long EventsApplied);
