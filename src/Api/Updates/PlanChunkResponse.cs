using Mist.Application.Updates;

namespace Mist.Api.Updates;

/// <summary>A chunk to download: blob <c>sha256</c>, <c>storedBytes</c> long, which unpacks
/// to <c>rawBytes</c>.</summary>
public sealed record PlanChunkResponse(string Sha256, long StoredBytes, long RawBytes)
{
    public static PlanChunkResponse From(ChunkFact chunk) =>
        new(chunk.Sha256, chunk.StoredBytes, chunk.RawBytes);
}
