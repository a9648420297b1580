namespace Mist.Projections.Rebuild;

/// <summary>An event's data and its position in the whole log.</summary>
public sealed record LoggedEvent(long Sequence, object Data);
