using Mist.Delta.Blobs;
using Mist.Delta.Chunking;

namespace Mist.Application.Builds.Ingestion;

public sealed record IngestOptions
{
    public static IngestOptions Default { get; } = new();

    /// <summary>zstd level for new chunks; docs/adr/0005-storage-layout.md has the figures.
    /// </summary>
    public int CompressionLevel { get; init; } = BlobCodec.DefaultLevel;

    /// <summary>Threads that hash and compress chunks while one more reads and chunks files.
    /// </summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>The least time between two progress reports (the last one always goes out).
    /// </summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Part of the storage format: see <see cref="ChunkerOptions"/>.</summary>
    public ChunkerOptions Chunking { get; init; } = ChunkerOptions.Default;
}
