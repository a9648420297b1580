using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Verified, uncompressed chunks of an install in progress, one file per chunk named by its
/// SHA-256. A chunk is only ever stored after its hash was checked and is written through a
/// rename, so after a crash every file here is whole; an interrupted install resumes by
/// fetching only what is not here.
/// </summary>
public sealed class ChunkCache(string directory)
{
    public string Directory { get; } = directory;

    public string PathOf(string sha256)
    {
        // The name comes from a manifest; only a plain hash may become a file name.
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new InvalidDataException($"'{sha256}' is not a SHA-256 in lower-case hex.");
        }

        return Path.Combine(Directory, sha256);
    }

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    public async Task StoreAsync(
        string sha256, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await AtomicFile.WriteAllBytesAsync(PathOf(sha256), data, cancellationToken);
    }

    /// <summary>
    /// The chunk's bytes after checking them again, or null (and the file removed) when they
    /// no longer match, so the caller fetches the chunk anew instead of trusting the disk.
    /// </summary>
    public async Task<byte[]?> ReadVerifiedAsync(
        ChunkRef chunk, CancellationToken cancellationToken)
    {
        var path = PathOf(chunk.Sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        var data = await File.ReadAllBytesAsync(path, cancellationToken);
        if (data.Length == chunk.Length && Sha256Hex.Of(data) == chunk.Sha256)
        {
            return data;
        }

        File.Delete(path);
        return null;
    }

    public void Remove(string sha256) => File.Delete(PathOf(sha256));

    public void Clear()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
