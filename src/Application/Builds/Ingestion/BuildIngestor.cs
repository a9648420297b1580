using System.Security.Cryptography;
using System.Threading.Channels;
using Mist.Application.Storage;
using Mist.Delta.Chunking;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;

namespace Mist.Application.Builds.Ingestion;

/// <summary>
/// Turns a folder into a stored version: walks the tree, cuts each file into content-defined
/// chunks, stores every chunk storage lacks (zstd, keyed by SHA-256), and stores the manifest
/// last, so a manifest in storage always names blobs that are there. Running it again on the
/// same tree re-hashes everything but stores nothing new.
/// </summary>
/// <remarks>
/// A pipeline: one reader chunks files and hashes the files that span several chunks; the
/// workers hash chunks, compress the new ones and write them. A bounded queue between them
/// keeps at most a few chunks in memory per worker.
/// </remarks>
public sealed class BuildIngestor(
    IBlobStore store, IngestOptions options, TimeProvider timeProvider)
{
    public BuildIngestor(IBlobStore store)
        : this(store, IngestOptions.Default, TimeProvider.System)
    {
    }

    /// <exception cref="IngestException">The source cannot become a version.</exception>
    public async Task<IngestResult> IngestAsync(
        string sourceFolder,
        IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var items = Walk(sourceFolder);
        var files = items
            .Where(i => i.Kind == EntryKind.File)
            .Select(i => new FileWork(i))
            .ToList();
        var throttle = new ProgressThrottle(progress, files.Count, files.Sum(f => f.Item.Size),
            options.ProgressInterval, timeProvider);
        var worker = new ChunkWorker(
            store, options.CompressionLevel, options.Chunking.MaxSize, throttle);

        await RunPipelineAsync(files, worker, throttle, cancellationToken);

        var manifest = VersionManifest.Create(items
            .Where(i => i.Kind != EntryKind.File)
            .Select(i => new ManifestEntry(i.Path, i.Kind, LinkTarget: i.LinkTarget))
            .Concat(files.Select(f => f.ToEntry())));
        var hash = await store.PutManifestAsync(
            ManifestSerializer.Serialize(manifest), cancellationToken);
        throttle.ReportFinal();

        return new IngestResult(hash, manifest, manifest.FileCount, manifest.RawBytes,
            worker.StoredBytes, worker.NewBytes, worker.DistinctChunks, worker.NewChunks);
    }

    private static IReadOnlyList<TreeItem> Walk(string sourceFolder)
    {
        try
        {
            return TreeWalker.Walk(sourceFolder);
        }
        catch (TreeException e)
        {
            throw new IngestException(e.Message, e);
        }
    }

    private async Task RunPipelineAsync(
        List<FileWork> files,
        ChunkWorker worker,
        ProgressThrottle throttle,
        CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, options.Workers);
        var queue = Channel.CreateBounded<ChunkJob>(new BoundedChannelOptions(2 * workers)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Any failure stops the others at once rather than after the whole build is read.
        async Task RunOrStopAllAsync(Func<Task> work)
        {
            try
            {
                await work();
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }

        var reader = Task.Run(() => RunOrStopAllAsync(async () =>
        {
            try
            {
                await ReadFilesAsync(files, queue.Writer, throttle, failed.Token);
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        }), CancellationToken.None);
        var compressors = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => RunOrStopAllAsync(
                () => worker.RunAsync(queue.Reader, failed.Token)), CancellationToken.None))
            .ToList();

        try
        {
            await Task.WhenAll([reader, .. compressors]);
        }
        finally
        {
            while (queue.Reader.TryRead(out var left))
            {
                left.Buffer.Dispose();
            }
        }
    }

    private async Task ReadFilesAsync(
        List<FileWork> files,
        ChannelWriter<ChunkJob> queue,
        ProgressThrottle throttle,
        CancellationToken cancellationToken)
    {
        var chunker = new StreamChunker(new FastCdc(options.Chunking));
        using var fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            try
            {
                await ReadFileAsync(file, chunker, fileHash, queue, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IngestException($"Cannot read '{file.Item.Path}': {e.Message}", e);
            }

            if (file.CompleteReading())
            {
                throttle.Add(1, 0);
            }
        }
    }

    private static async Task ReadFileAsync(
        FileWork file,
        StreamChunker chunker,
        IncrementalHash fileHash,
        ChannelWriter<ChunkJob> queue,
        CancellationToken cancellationToken)
    {
        // No buffering here: the chunker reads several MiB at a time. The open follows a
        // symbolic link, so a file swapped for a link after the walk would be read through
        // it: .NET offers no O_NOFOLLOW. Sources are folders an admin chose, so this is
        // accepted rather than worked around with native calls.
        await using var stream = new FileStream(file.Item.FullPath, FileMode.Open,
            FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var index = 0;
        long read = 0;
        var single = false;
        await foreach (var chunk in chunker.ReadChunksAsync(stream, cancellationToken))
        {
            // A file that is one chunk has the chunk's hash; a worker computes it anyway.
            single = index == 0 && chunk.Length == file.Item.Size;
            if (!single)
            {
                fileHash.AppendData(chunk.Span);
            }

            read += chunk.Length;
            file.AddPending();
            try
            {
                await queue.WriteAsync(new ChunkJob(file, index++, chunk), cancellationToken);
            }
            catch
            {
                chunk.Dispose();
                throw;
            }
        }

        if (read != file.Item.Size)
        {
            throw new IngestException(
                $"'{file.Item.Path}' changed while it was read ({file.Item.Size} bytes when " +
                $"listed, {read} when read).");
        }

        file.Sha256 = single ? null : Convert.ToHexStringLower(fileHash.GetHashAndReset());
    }
}
