using Mist.Delta.Patching;

namespace Mist.Bench.Delta;

/// <summary>What <see cref="LargeFileBenchmark"/> builds and how it encodes.</summary>
internal sealed record LargeFileSettings
{
    /// <summary>At least this many bytes in base and target; the default is 4.25 GiB.</summary>
    public long SizeBytes { get; init; } = 17L << 28;

    public DeltaMode Mode { get; init; } = DeltaMode.Small;

    public long IndexMemoryBytes { get; init; } = new DeltaOptions().MaxIndexMemoryBytes;

    /// <summary>
    /// Where the three large files go: /var/tmp, which is on disk, not in memory.
    /// </summary>
    public string WorkRoot { get; init; } = "/var/tmp";
}
