namespace Mist.Application.Storage;

/// <summary>
/// Content-addressed, immutable storage for blobs (zstd-compressed chunks and patch payloads)
/// and version manifests. A blob's key is the SHA-256 (64 lower-case hex digits) of its
/// uncompressed content; a manifest's is the SHA-256 of its serialized bytes. Writes are
/// atomic and idempotent: a reader sees a whole blob or none, and a key already stored is
/// never written again.
/// </summary>
public interface IBlobStore
{
    bool Exists(string key);

    /// <summary>The stored (compressed) length of a blob, or null when it is not stored.</summary>
    long? GetLength(string key);

    /// <summary>Stores a blob unless the key is already there. The store cannot see through
    /// the compression, so it trusts the caller that the blob unpacks to content with this
    /// hash; callers that received the blob from elsewhere verify it first.</summary>
    /// <returns>True when this call wrote the blob; false when it was already stored.</returns>
    Task<bool> PutAsync(string key, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken);

    /// <summary>Stores a blob read to the end of <paramref name="content"/> (an upload, a large
    /// patch payload) unless the key is already there.</summary>
    /// <returns>True when this call wrote the blob; false when it was already stored.</returns>
    Task<bool> PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream over a stored blob (its Length is the stored
    /// length), or null when the key is not stored. The caller disposes it.</summary>
    Stream? OpenRead(string key);

    /// <summary>Where the blob lives (or would live) on a local disk, for serving ranges with
    /// the web server's file sending. The file may not exist.</summary>
    string PathFor(string key);

    bool ManifestExists(string manifestHash);

    /// <summary>Stores a serialized manifest under its own SHA-256 unless already there.
    /// </summary>
    /// <returns>The manifest hash.</returns>
    Task<string> PutManifestAsync(
        ReadOnlyMemory<byte> serialized, CancellationToken cancellationToken);

    /// <summary>The serialized manifest, checked against its hash, or null when not stored.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored bytes do not match the hash.</exception>
    Task<byte[]?> GetManifestAsync(string manifestHash, CancellationToken cancellationToken);
}
