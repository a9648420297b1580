using System.Buffers;
using System.Diagnostics;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Encodes one segment with the small encoder: index the base window, match the target, and
/// compress the control, difference and literal streams separately, since each has its own
/// statistics (varints; mostly zeros; fresh code and data).
/// </summary>
internal static class SmallSegmentEncoder
{
    // Below this the second core is not worth the extra control entry at the split.
    private const int ParallelMatchThreshold = 1 << 20;

    public static byte[][] Encode(byte[] baseWindow, byte[] target, DeltaOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var suffixArray = SuffixArray.Build(baseWindow);
        EncodePhaseClock.AddIndex(started);

        started = Stopwatch.GetTimestamp();
        var matcher = new Matcher(baseWindow, suffixArray, target);
        var entries = MatchAll(matcher, target.Length, options);
        EncodePhaseClock.AddMatch(started);

        started = Stopwatch.GetTimestamp();

        var control = new ArrayBufferWriter<byte>(entries.Count * 6);
        var diff = GC.AllocateUninitializedArray<byte>(target.Length);
        var literal = GC.AllocateUninitializedArray<byte>(target.Length);
        int diffLength = 0, literalLength = 0, produced = 0;
        long basePosition = 0;
        Span<byte> number = stackalloc byte[3 * VarInt.MaxBytes];
        foreach (var entry in entries)
        {
            var at = VarInt.Write(number, VarInt.ZigZag(entry.CopyFrom - basePosition));
            at += VarInt.Write(number[at..], (ulong)entry.CopyLength);
            at += VarInt.Write(number[at..], (ulong)entry.LiteralLength);
            control.Write(number[..at]);

            for (var i = 0; i < entry.CopyLength; i++)
            {
                diff[diffLength + i] =
                    (byte)(target[produced + i] - baseWindow[entry.CopyFrom + i]);
            }

            diffLength += entry.CopyLength;
            produced += entry.CopyLength;
            target.AsSpan(produced, entry.LiteralLength).CopyTo(literal.AsSpan(literalLength));
            literalLength += entry.LiteralLength;
            produced += entry.LiteralLength;
            basePosition = entry.CopyFrom + (long)entry.CopyLength;
        }

        if (produced != target.Length)
        {
            throw new InvalidOperationException("Matcher did not cover the whole target.");
        }

        var (runs, heads, tails) = SplitRuns(diff.AsSpan(0, diffLength));
        var level = options.SmallCompressionLevel;
        var streams = new byte[5][];
        var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
        Parallel.For(
            0,
            streams.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => streams[i] = i switch
            {
                0 => ZstdFrames.Compress(control.WrittenSpan, level),
                1 => ZstdFrames.Compress(runs, level),
                2 => ZstdFrames.Compress(heads, level),
                3 => ZstdFrames.Compress(tails, level),
                _ => ZstdFrames.Compress(literal.AsSpan(0, literalLength), level),
            });
        EncodePhaseClock.AddStreams(started);

        return streams;
    }

    /// <summary>
    /// Stores the difference bytes as (zeros, non-zeros) run pairs plus the non-zero bytes, the
    /// first of each run apart from the rest.
    /// The bytes are mostly zeros; run lengths give zstd a fraction of the input to search and
    /// compress smaller than the raw bytes do. Each pair is one token byte when short (see
    /// <see cref="DifferenceSource"/>), which zstd compresses about 7% better than two varints.
    /// </summary>
    private static (byte[] Runs, byte[] Heads, byte[] Tails) SplitRuns(ReadOnlySpan<byte> diff)
    {
        var runs = new ArrayBufferWriter<byte>(Math.Max(16, diff.Length / 16));
        var heads = new ArrayBufferWriter<byte>(Math.Max(16, diff.Length / 32));
        var tails = new ArrayBufferWriter<byte>(Math.Max(16, diff.Length / 32));
        Span<byte> token = stackalloc byte[1 + (2 * VarInt.MaxBytes)];
        var i = 0;
        while (i < diff.Length)
        {
            var zeros = diff[i..].IndexOfAnyExcept((byte)0);
            zeros = zeros < 0 ? diff.Length - i : zeros;
            var start = i + zeros;
            var count = start < diff.Length ? diff[start..].IndexOf((byte)0) : 0;
            count = count < 0 ? diff.Length - start : count;

            var shortZeros = Math.Min(zeros, DifferenceSource.ZerosEscape);
            var shortCount = count is >= 1 and <= DifferenceSource.MaxShortCount ? count : 0;
            token[0] = (byte)((shortZeros << DifferenceSource.CountBits) | shortCount);
            var at = 1;
            if (shortZeros == DifferenceSource.ZerosEscape)
            {
                at += VarInt.Write(token[at..], (ulong)(zeros - DifferenceSource.ZerosEscape));
            }

            if (shortCount == 0)
            {
                at += VarInt.Write(token[at..], (ulong)count);
            }

            runs.Write(token[..at]);
            if (count > 0)
            {
                heads.Write(diff.Slice(start, 1));
                tails.Write(diff.Slice(start + 1, count - 1));
            }

            i = start + count;
        }

        return (
            runs.WrittenSpan.ToArray(),
            heads.WrittenSpan.ToArray(),
            tails.WrittenSpan.ToArray());
    }

    private static List<MatchEntry> MatchAll(Matcher matcher, int length, DeltaOptions options)
    {
        if (length < ParallelMatchThreshold || options.MaxDegreeOfParallelism < 2)
        {
            var entries = new List<MatchEntry>();
            matcher.Match(0, length, entries);
            return entries;
        }

        // Halves are independent: each ends exactly at its boundary, and entries carry
        // absolute base positions, so the lists simply concatenate.
        var half = length / 2;
        var first = new List<MatchEntry>();
        var second = new List<MatchEntry>();
        Parallel.Invoke(
            () => matcher.Match(0, half, first),
            () => matcher.Match(half, length, second));
        first.AddRange(second);
        return first;
    }
}
