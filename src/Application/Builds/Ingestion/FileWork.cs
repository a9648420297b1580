using System.Collections.Concurrent;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;

namespace Mist.Application.Builds.Ingestion;

/// <summary>One file on its way through the pipeline: the reader adds chunks, workers fill in
/// their hashes, and whoever finishes last marks the file done.</summary>
internal sealed class FileWork(TreeItem item)
{
    private readonly ConcurrentDictionary<int, ChunkRef> _chunks = new();

    // One count for the reader until it has read the whole file, plus one per chunk in flight.
    private int _pending = 1;

    public TreeItem Item { get; } = item;

    /// <summary>Set by the reader; null when the file is one chunk, whose hash is the file's.
    /// </summary>
    public string? Sha256 { get; set; }

    public void AddPending() => Interlocked.Increment(ref _pending);

    /// <returns>True when this was the last piece of work on the file.</returns>
    public bool CompleteChunk(int index, ChunkRef chunk)
    {
        _chunks[index] = chunk;
        return Interlocked.Decrement(ref _pending) == 0;
    }

    /// <returns>True when no chunk of the file is still in flight.</returns>
    public bool CompleteReading() => Interlocked.Decrement(ref _pending) == 0;

    public ManifestEntry ToEntry()
    {
        ChunkRef[] chunks = [.. _chunks.OrderBy(c => c.Key).Select(c => c.Value)];
        var sha = Sha256 ?? chunks.Single().Sha256;
        return new ManifestEntry(
            Item.Path, EntryKind.File, Item.Size, sha, Item.Executable, Chunks: chunks);
    }
}
