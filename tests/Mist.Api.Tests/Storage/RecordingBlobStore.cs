using System.Collections.Concurrent;
using Mist.Application.Storage;

namespace Mist.Api.Tests.Storage;

/// <summary>A real store that also notes the order of writes and can fail the n-th blob
/// write, to check what the ingestor does around storage.</summary>
internal sealed class RecordingBlobStore(IBlobStore inner, int failBlobWrite = 0) : IBlobStore
{
    private int _blobWrites;

    public ConcurrentQueue<string> Writes { get; } = new();

    public bool Exists(string key) => inner.Exists(key);

    public long? GetLength(string key) => inner.GetLength(key);

    public async Task<bool> PutAsync(
        string key, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _blobWrites) == failBlobWrite)
        {
            throw new IOException("No space left on device");
        }

        var written = await inner.PutAsync(key, blob, cancellationToken);
        Writes.Enqueue($"blob {key}");
        return written;
    }

    public Task<bool> PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Stream? OpenRead(string key) => inner.OpenRead(key);

    public string PathFor(string key) => inner.PathFor(key);

    public bool ManifestExists(string manifestHash) => inner.ManifestExists(manifestHash);

    public async Task<string> PutManifestAsync(
        ReadOnlyMemory<byte> serialized, CancellationToken cancellationToken)
    {
        var hash = await inner.PutManifestAsync(serialized, cancellationToken);
        Writes.Enqueue($"manifest {hash}");
        return hash;
    }

    public Task<byte[]?> GetManifestAsync(
        string manifestHash, CancellationToken cancellationToken) =>
        inner.GetManifestAsync(manifestHash, cancellationToken);
}
