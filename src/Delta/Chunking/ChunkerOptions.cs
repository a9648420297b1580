namespace Mist.Delta.Chunking;

/// <summary>
/// Bounds of content-defined chunks. Changing them (or the gear table) moves every boundary,
/// so versions chunked before and after would share no chunks; treat the defaults as part of
/// the storage format.
/// </summary>
public sealed record ChunkerOptions
{
    /// <summary>
    /// 256 KiB / 1 MiB / 4 MiB. About 1 MiB keeps a 80 MB build near a hundred blobs (few
    /// files, few requests, small manifests) while a one-byte change costs one chunk to
    /// download. The minimum skips hashing the first quarter of each chunk, which is most of
    /// the chunker's speed, and the 4x maximum caps memory per chunk in flight while being
    /// rarely reached with normalised chunking.
    /// </summary>
    public static ChunkerOptions Default { get; } = new(256 * 1024, 1024 * 1024, 4 * 1024 * 1024);

    public ChunkerOptions(int minSize, int averageSize, int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSize, 64);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageSize, minSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxSize, averageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSize, 1 << 30);
        if (!int.IsPow2(averageSize))
        {
            throw new ArgumentOutOfRangeException(
                nameof(averageSize), averageSize, "The average size must be a power of two.");
        }

        MinSize = minSize;
        AverageSize = averageSize;
        MaxSize = maxSize;
    }

    public int MinSize { get; }

    public int AverageSize { get; }

    public int MaxSize { get; }
}
