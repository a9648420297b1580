namespace Mist.Application.Updates;

/// <summary>
/// One chunk of a version as the planner weighs it.
/// </summary>
/// <param name="Sha256">
/// SHA-256 of the chunk's raw bytes (lower-case hex); also the key of its blob.
/// </param>
/// <param name="StoredBytes">Size of the zstd blob a client downloads.</param>
/// <param name="RawBytes">Size of the chunk once decompressed and written.</param>
public sealed record ChunkFact(string Sha256, long StoredBytes, long RawBytes);
