using Mist.Delta.Blobs;
using Mist.Delta.Patching;

namespace Mist.Delta.Updates;

/// <summary>Settings for <see cref="VersionPatchBuilder"/>.</summary>
public sealed record VersionPatchBuildOptions
{
    /// <summary>Engine settings for each file's delta. The builder encodes several files at
    /// once, so it runs each encode on one core.</summary>
    public DeltaOptions Delta { get; init; } = new();

    /// <summary>A delta is used only when it is at least this many bytes smaller than the
    /// compressed chunks it replaces; below that, chunks are preferred because they are
    /// shared with full installs and other patches.</summary>
    public long MinimumSavingBytes { get; init; }

    /// <summary>Files encoded at once. Defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The zstd level the store compresses chunk blobs with; the chunk cost estimate
    /// compresses each missing chunk at this level, so it is the size actually downloaded.
    /// </summary>
    public int ChunkCompressionLevel { get; init; } = BlobCodec.DefaultLevel;
}
