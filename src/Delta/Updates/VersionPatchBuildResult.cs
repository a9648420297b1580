namespace Mist.Delta.Updates;

/// <summary>What <see cref="VersionPatchBuilder"/> produced and what it costs a client.
/// All byte counts count each distinct blob once.</summary>
/// <param name="Patch">The patch.</param>
/// <param name="Serialized">The patch as stored (<see cref="VersionPatchSerializer"/>).</param>
/// <param name="PayloadBytes">Raw bytes of the delta payloads.</param>
/// <param name="ChunkBytes">Compressed bytes of the chunks that Chunks entries make the client
/// download (chunks the base lacks).</param>
/// <param name="ChunksOnlyBytes">Compressed bytes of every target chunk the base lacks: what a
/// client downloads to update without a patch.</param>
public sealed record VersionPatchBuildResult(
    VersionPatch Patch,
    byte[] Serialized,
    long PayloadBytes,
    long ChunkBytes,
    long ChunksOnlyBytes)
{
    /// <summary>What a client downloads to update with this patch: the patch itself, its
    /// payloads and the chunks it still fetches.</summary>
    public long DownloadBytes => Serialized.Length + PayloadBytes + ChunkBytes;

    /// <summary>True when the patch is smaller to download than the chunks it replaces;
    /// otherwise clients should update by chunks and the patch need not be published.</summary>
    public bool WorthShipping => DownloadBytes < ChunksOnlyBytes;
}
