namespace Mist.Application.EventLog;

/// <summary>A stream's folded state and the version it was read at.</summary>
public sealed record StreamState<T>(T State, long Version);
