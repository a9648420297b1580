using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Handlers.Patches;

/// <summary>
/// A stored version's files, reassembled from their chunk blobs. Each chunk is checked against
/// its hash as it is unpacked, so a damaged blob fails the patch rather than poisoning it.
/// </summary>
public sealed class BlobVersionFiles(IBlobStore blobs) : IVersionFiles
{
    public Stream Open(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // The delta engine reads by random access; a temporary file keeps a large file out of
        // memory and goes away when the builder disposes the stream.
        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            1 << 16, FileOptions.DeleteOnClose | FileOptions.RandomAccess);
        try
        {
            Write(entry, file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes the content of file <paramref name="entry"/> to
    /// <paramref name="destination"/>.</summary>
    /// <exception cref="FileNotFoundException">A chunk blob is not in storage.</exception>
    /// <exception cref="InvalidDataException">A chunk blob is damaged.</exception>
    public void Write(ManifestEntry entry, Stream destination)
    {
        foreach (var chunk in entry.ChunkList)
        {
            destination.Write(ReadChunk(entry.Path, chunk));
        }
    }

    private byte[] ReadChunk(string path, ChunkRef chunk)
    {
        using var stream = blobs.OpenRead(chunk.Sha256) ?? throw new FileNotFoundException(
            $"Chunk {chunk.Sha256} of '{path}' is not in storage.");
        var blob = new byte[stream.Length];
        stream.ReadExactly(blob);
        return BlobCodec.DecompressVerified(blob, chunk.Length, chunk.Sha256);
    }
}
