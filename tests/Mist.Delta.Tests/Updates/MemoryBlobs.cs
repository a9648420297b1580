using System.Collections.Concurrent;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

/// <summary>A blob store in memory: the builder's sink and the applier's fetcher.</summary>
public sealed class MemoryBlobs : IPayloadSink, IBlobFetcher
{
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Fetched { get; } = [];

    public ConcurrentBag<string> Put { get; } = [];

    public void Add(string key, byte[] bytes) => _blobs[key] = bytes;

    public void Corrupt(string key) => _blobs[key][^1] ^= 0x5A;

    public Task PutAsync(
        string key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Put.Add(key);
        _blobs[key] = payload.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]> FetchAsync(string key, CancellationToken cancellationToken)
    {
        Fetched.Add(key);
        return Task.FromResult(_blobs.TryGetValue(key, out var bytes)
            ? bytes.ToArray()
            : throw new KeyNotFoundException(key));
    }
}
