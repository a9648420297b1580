using System.Collections.Concurrent;
using System.Threading.Channels;
using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Manifests;

namespace Mist.Application.Builds.Ingestion;

/// <summary>
/// Hashes chunks and stores the ones storage lacks, compressed. Several run at once; a key is
/// claimed by the first worker that sees it, so a chunk repeated within a build is compressed
/// and counted once.
/// </summary>
internal sealed class ChunkWorker(
    IBlobStore store,
    int compressionLevel,
    int maxChunkSize,
    ProgressThrottle progress)
{
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);
    private long _storedBytes;
    private long _newBytes;
    private int _newChunks;

    public long StoredBytes => Interlocked.Read(ref _storedBytes);

    public long NewBytes => Interlocked.Read(ref _newBytes);

    public int NewChunks => Volatile.Read(ref _newChunks);

    public int DistinctChunks => _claimed.Count;

    public async Task RunAsync(ChannelReader<ChunkJob> jobs, CancellationToken cancellationToken)
    {
        var blob = new byte[BlobCodec.MaxBlobLength(maxChunkSize)];
        while (await jobs.WaitToReadAsync(cancellationToken))
        {
            while (jobs.TryRead(out var job))
            {
                using (job.Buffer)
                {
                    await ProcessAsync(job, blob, cancellationToken);
                }
            }
        }
    }

    private async Task ProcessAsync(ChunkJob job, byte[] blob, CancellationToken cancellationToken)
    {
        var chunk = job.Buffer;
        var key = BlobCodec.Key(chunk.Span);
        if (_claimed.TryAdd(key, 0))
        {
            await StoreAsync(key, chunk.Memory, blob, cancellationToken);
        }

        var reference = new ChunkRef(chunk.Offset, chunk.Length, key);
        var fileDone = job.File.CompleteChunk(job.Index, reference);
        progress.Add(fileDone ? 1 : 0, chunk.Length);
    }

    private async Task StoreAsync(
        string key, ReadOnlyMemory<byte> data, byte[] blob, CancellationToken cancellationToken)
    {
        // A retry or a later version finds most chunks stored: hashing them was needed for the
        // manifest, compressing them again is not.
        if (store.GetLength(key) is { } storedLength)
        {
            Interlocked.Add(ref _storedBytes, storedLength);
            return;
        }

        var blobLength = BlobCodec.Compress(data.Span, blob, compressionLevel);
        var written = await store.PutAsync(key, blob.AsMemory(0, blobLength), cancellationToken);
        if (!written)
        {
            // Another ingest stored it meanwhile, perhaps at another level: count its copy.
            Interlocked.Add(ref _storedBytes, store.GetLength(key) ?? blobLength);
            return;
        }

        Interlocked.Add(ref _storedBytes, blobLength);
        Interlocked.Add(ref _newBytes, blobLength);
        Interlocked.Increment(ref _newChunks);
    }
}
