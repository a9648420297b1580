using System.Numerics;

namespace Mist.Delta.Chunking;

/// <summary>
/// FastCDC content-defined chunking with normalised chunking (level 2): a gear hash rolls over
/// the bytes, and a boundary falls where its top bits are all zero. Before the average size a
/// stricter mask (two more bits) makes cuts rarer; after it a looser one (two fewer) makes
/// them likelier, so sizes bunch around the average. Boundaries depend only on the last 64
/// bytes, so after an insertion they fall back into step within a chunk or two.
/// </summary>
public sealed class FastCdc(ChunkerOptions options)
{
    private const int NormalisationBits = 2;

    private readonly ulong _strictMask = TopBits(Log2(options.AverageSize) + NormalisationBits);

    private readonly ulong _looseMask = TopBits(Log2(options.AverageSize) - NormalisationBits);

    public static FastCdc Default { get; } = new(ChunkerOptions.Default);

    public ChunkerOptions Options { get; } = options;

    /// <summary>
    /// The length of the chunk that starts at <paramref name="data"/>[0]. When
    /// <paramref name="data"/> is shorter than the maximum and more bytes follow, the caller
    /// must pass more first; <paramref name="isFinal"/> says that nothing follows.
    /// </summary>
    public int NextCut(ReadOnlySpan<byte> data, bool isFinal)
    {
        if (!isFinal && data.Length < Options.MaxSize)
        {
            throw new ArgumentException(
                "Pass at least the maximum chunk size unless the data is final.", nameof(data));
        }

        if (data.Length <= Options.MinSize)
        {
            return data.Length;
        }

        var end = Math.Min(data.Length, Options.MaxSize);
        var normal = Math.Min(end, Options.AverageSize);
        var gear = GearTable.Values;
        ulong hash = 0;

        // Hot loop: kept inline, one slice per phase so the JIT drops the bounds checks.
        var strict = data[..normal];
        for (var i = Options.MinSize; i < strict.Length; i++)
        {
            hash = (hash << 1) + gear[strict[i]];
            if ((hash & _strictMask) == 0)
            {
                return i + 1;
            }
        }

        var loose = data[..end];
        for (var i = normal; i < loose.Length; i++)
        {
            hash = (hash << 1) + gear[loose[i]];
            if ((hash & _looseMask) == 0)
            {
                return i + 1;
            }
        }

        return end;
    }

    private static int Log2(int value) => BitOperations.Log2((uint)value);

    // The top bits of a gear hash depend on the most bytes (bit k on the last k + 1), so they
    // are the ones to test.
    private static ulong TopBits(int count) => ~0UL << (64 - count);
}
