namespace Mist.Delta.Manifests;

/// <summary>
/// A piece of a file: where it sits, how long it is, and the SHA-256 (lower-case hex) of its
/// bytes, which is also the key of the blob that holds it.
/// </summary>
public sealed record ChunkRef(long Offset, int Length, string Sha256);
