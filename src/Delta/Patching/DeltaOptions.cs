namespace Mist.Delta.Patching;

/// <summary>
/// Settings for <see cref="DeltaEncoder"/>. The defaults suit a two-core machine.
/// </summary>
public sealed record DeltaOptions
{
    /// <summary>The encoder to use; <see cref="DeltaMode.Auto"/> chooses per file.</summary>
    public DeltaMode Mode { get; init; } = DeltaMode.Auto;

    /// <summary>
    /// Memory the small encoder may spend on one suffix-array index (the index plus its work
    /// arrays take at most eight bytes per indexed base byte). Bases above what this allows are
    /// diffed in segments. The default, 2 GiB, indexes 256 MiB of base at once and leaves
    /// room for two segments in parallel on a 24 GB machine that is doing other things.
    /// </summary>
    public long MaxIndexMemoryBytes { get; init; } = 2L << 30;

    /// <summary>
    /// Largest base window the fast encoder hands to zstd as a prefix; the decoder must hold the
    /// window in memory, so this also bounds the memory of applying a fast patch.
    /// </summary>
    public long MaxFastWindowBytes { get; init; } = 512L << 20;

    /// <summary>Segments of one file encoded at once. Defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Zstandard level for the small encoder's streams (1 to 22).</summary>
    public int SmallCompressionLevel { get; init; } = 19;

    /// <summary>Zstandard level for the fast encoder (1 to 22).</summary>
    public int FastCompressionLevel { get; init; } = 3;

    /// <summary>
    /// In <see cref="DeltaMode.Auto"/>, files whose target is at most this size are encoded
    /// both ways and the smaller patch is kept; larger ones use the small encoder when the base
    /// fits one index and fast otherwise.
    /// </summary>
    public long AutoTryBothBelowBytes { get; init; } = 1L << 20;

    /// <summary>
    /// Whether to apply the x86 branch transform (E8 call operands made absolute) before
    /// matching. Null means detect: on for files that start like ELF or PE images. Off by
    /// default: in measurements it made patches of relinked binaries larger, because a call
    /// whose caller and callee moved together keeps its relative operand but not its absolute
    /// target (see docs/delta-benchmarks.md).
    /// </summary>
    public bool? BranchTransform { get; init; } = false;
}
