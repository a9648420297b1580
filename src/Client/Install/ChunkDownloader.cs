using Mist.Client.Http;
using Mist.Client.Reporting;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Downloads chunks several at a time, checks each and stores it in the chunk cache. A chunk
/// that fails (network, bad bytes) is tried again a few times; a 4xx answer is not retried.
/// </summary>
internal sealed class ChunkDownloader(
    IContentSource content, ChunkCache cache, InstallerOptions options, IProgressSink progress)
{
    public async Task<long> DownloadAsync(
        IReadOnlyList<ChunkRef> chunks, CancellationToken cancellationToken)
    {
        var total = chunks.Sum(c => (long)c.Length);
        long done = 0;
        long compressed = 0;
        progress.Report(ProgressPhase.Downloading, 0, total);

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Parallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, token) =>
        {
            var blobBytes = await FetchOneAsync(chunk, token);
            Interlocked.Add(ref compressed, blobBytes);
            var doneNow = Interlocked.Add(ref done, chunk.Length);
            progress.Report(ProgressPhase.Downloading, doneNow, total);
        });

        return compressed;
    }

    private async Task<long> FetchOneAsync(ChunkRef chunk, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var blob = await content.GetBlobAsync(
                    chunk.Sha256, ChunkDecoder.MaxCompressedLength(chunk), cancellationToken);
                var data = ChunkDecoder.Decode(chunk, blob);
                await cache.StoreAsync(chunk.Sha256, data, cancellationToken);
                return blob.Length;
            }
            catch (Exception e) when (attempt < options.AttemptsPerChunk && IsWorthRetrying(e))
            {
                var reason = e.InnerException is { } inner &&
                    !e.Message.Contains(inner.Message, StringComparison.Ordinal)
                        ? $"{e.Message} {inner.Message}"
                        : e.Message;
                progress.Message($"Chunk {chunk.Sha256[..12]}: {reason} Trying again.");
                var backOff = TimeSpan.FromMilliseconds(250 * attempt * attempt);
                await Task.Delay(backOff, cancellationToken);
            }
        }
    }

    private static bool IsWorthRetrying(Exception e) => e switch
    {
        MistApiException api => api.StatusCode >= 500 || api.StatusCode == 429,
        HttpRequestException or InvalidDataException or IOException => true,
        // HttpClient's own timeout, as opposed to the caller cancelling.
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
