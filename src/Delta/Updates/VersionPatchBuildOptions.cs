using Mist.Delta.Blobs;
using Mist.Delta.Patching;

namespace Mist.Delta.Updates;

/// <summary>Settings for <see cref="VersionPatchBuilder"/>.</summary>
public sealed record VersionPatchBuildOptions
{
    /// <summary>Engine settings for each file's delta. The builder encodes several files at
    /// once, so it runs each encode on one core.</summary>
    public DeltaOptions Delta { get; init; } = new();

    /// <summary>
    /// A delta is used only when it is more than this many bytes smaller than the compressed
    /// chunks it replaces. The default, 1 KiB, covers what a delta entry adds (about 350 bytes
    /// of patch JSON and one more request) and prefers chunks when the two are close, since a
    /// chunk serves every install and patch while a payload serves one pair of versions; it
    /// also keeps unrelated files, whose deltas come out a few bytes under their chunks, on
    /// chunks.
    /// </summary>
    public long MinimumSavingBytes { get; init; } = 1024;

    /// <summary>Files encoded at once. Defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The zstd level the store compresses chunk blobs with; the chunk cost estimate
    /// compresses each missing chunk at this level, so it is the size actually downloaded.
    /// </summary>
    public int ChunkCompressionLevel { get; init; } = BlobCodec.DefaultLevel;
}
