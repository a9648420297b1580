namespace Mist.Client.Http;

/// <summary>A chunk a chunk or full download fetches: its key and its sizes.</summary>
public sealed record PlannedChunk(string Sha256, long StoredBytes, long RawBytes);
