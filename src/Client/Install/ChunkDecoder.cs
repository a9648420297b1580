using Mist.Delta.Blobs;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Turns a downloaded blob into the chunk it names: unpacked into exactly the chunk's length
/// (so a blob cannot expand without bound), then hash-checked.
/// </summary>
internal static class ChunkDecoder
{
    /// <summary>The most a chunk's blob may weigh; bounds what we accept from the server.</summary>
    public static long MaxCompressedLength(ChunkRef chunk) => BlobCodec.MaxBlobLength(chunk.Length);

    /// <exception cref="InvalidDataException">Corrupt, wrong length or wrong content.</exception>
    public static byte[] Decode(ChunkRef chunk, byte[] blob)
    {
        try
        {
            return BlobCodec.DecompressVerified(blob, chunk.Length, chunk.Sha256);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Chunk {chunk.Sha256}: {e.Message}", e);
        }
    }
}
