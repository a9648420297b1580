using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Finds approximate matches of a target range in an indexed base, in the manner of bsdiff:
/// exact matches from the suffix array seed covers, which are then stretched forwards and
/// backwards over bytes that mostly agree, so that small edits (changed addresses, version
/// strings) become a few non-zero difference bytes instead of new control entries.
/// </summary>
internal sealed class Matcher
{
    // Every 2^SampleShift-th suffix's first eight bytes, in suffix order (see Sample).
    private const int SampleShift = 4;

    // A new alignment must explain this many more bytes than the current one before it is worth
    // a control entry; below it, the current alignment's difference bytes are cheaper.
    private const int MinGain = 8;

    // Past this match length the current alignment is trusted across the match instead of
    // re-searching at every byte, which keeps repetitive inputs from going quadratic.
    private const int SkipLength = 64;

    // Equally long matches examined on each side of the one the binary search lands on.
    private const int Neighbours = 16;

    private readonly byte[] _baseData;
    private readonly int[] _suffixArray;
    private readonly byte[] _target;
    private readonly ulong[] _samples;

    // For each value of a sample's first two bytes, where its samples start (and, at the next
    // value, end), so the search over the samples starts among the few that matter.
    private readonly int[] _sampleStarts;

    public Matcher(byte[] baseData, int[] suffixArray, byte[] target)
    {
        _baseData = baseData;
        _suffixArray = suffixArray;
        _target = target;
        _samples = Sample(baseData, suffixArray);
        _sampleStarts = IndexSamples(_samples);
    }

    /// <summary>Matches target[start, end) and appends entries that produce exactly it.</summary>
    /// <remarks>
    /// Kept as one method: the scan, the extension and the overlap split share six running
    /// positions, and splitting them into calls costs speed in the hottest loop of the encoder.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(int start, int end, List<MatchEntry> entries)
    {
        var old = _baseData;
        var oldLength = old.Length;
        var scan = start;
        var matchLength = 0;
        var matchPos = 0;
        var matchIndex = 0;
        var lastScan = start;

        // Start aligned with the same position in the base: when the range is the second half
        // of a target, that is where an unchanged file continues.
        var lastPos = Math.Min(start, oldLength);
        long lastOffset = lastPos - start;

        while (scan < end)
        {
            var oldScore = 0;
            var scoredTo = scan += matchLength;
            for (; scan < end; scan++)
            {
                var key = _target.AsSpan(scan, end - scan);
                (matchIndex, matchLength) = Search(key);
                if (scoredTo < scan + matchLength)
                {
                    oldScore += AgreeingBytes(scoredTo, scan + matchLength, lastOffset);
                    scoredTo = scan + matchLength;
                }

                // Only a match that opens a new alignment needs its position, so only then is
                // the nearest of the equally long ones looked for.
                if (matchLength > oldScore + MinGain)
                {
                    matchPos = Nearest(key, matchIndex, matchLength, scan + lastOffset);
                    break;
                }

                if (matchLength == oldScore && matchLength != 0)
                {
                    break;
                }

                var skipTo = matchLength > SkipLength ? scan + matchLength - MinGain : scan + 1;
                for (; scan < skipTo; scan++)
                {
                    var at = scan + lastOffset;
                    if ((ulong)at < (ulong)oldLength && old[at] == _target[scan])
                    {
                        oldScore--;
                    }
                }

                scan--;
            }

            if (matchLength == oldScore && scan != end)
            {
                continue;
            }

            // Stretch the previous cover forwards while at least half its bytes agree.
            int agree = 0, bestScore = 0, forward = 0;
            var stretch = Math.Min(scan - lastScan, oldLength - lastPos);
            for (var i = 0; i < stretch;)
            {
                // A block that agrees throughout raises the score at every byte, so the best
                // point is its end if that beats the best so far: skip it in one step.
                if (i + Vector128<byte>.Count <= stretch
                    && AllAgree(old, lastPos + i, _target, lastScan + i))
                {
                    agree += Vector128<byte>.Count;
                    i += Vector128<byte>.Count;
                    if ((agree * 2) - i > (bestScore * 2) - forward)
                    {
                        bestScore = agree;
                        forward = i;
                    }

                    continue;
                }

                if (old[lastPos + i] == _target[lastScan + i])
                {
                    agree++;
                }

                i++;
                if ((agree * 2) - i > (bestScore * 2) - forward)
                {
                    bestScore = agree;
                    forward = i;
                }
            }

            // Stretch the new cover backwards the same way.
            var backward = 0;
            if (scan < end)
            {
                agree = 0;
                bestScore = 0;
                for (var i = 1; scan >= lastScan + i && matchPos >= i; i++)
                {
                    if (old[matchPos - i] == _target[scan - i])
                    {
                        agree++;
                    }

                    if ((agree * 2) - i > (bestScore * 2) - backward)
                    {
                        bestScore = agree;
                        backward = i;
                    }
                }
            }

            // Where the stretches overlap, split at the point that keeps the most agreement.
            if (lastScan + forward > scan - backward)
            {
                var overlap = lastScan + forward - (scan - backward);
                agree = 0;
                bestScore = 0;
                var split = 0;
                for (var i = 0; i < overlap; i++)
                {
                    if (_target[lastScan + forward - overlap + i]
                        == old[lastPos + forward - overlap + i])
                    {
                        agree++;
                    }

                    if (_target[scan - backward + i] == old[matchPos - backward + i])
                    {
                        agree--;
                    }

                    if (agree > bestScore)
                    {
                        bestScore = agree;
                        split = i + 1;
                    }
                }

                forward += split - overlap;
                backward -= split;
            }

            entries.Add(new MatchEntry(lastPos, forward, scan - backward - (lastScan + forward)));
            lastScan = scan - backward;
            lastPos = matchPos - backward;
            lastOffset = matchPos - (long)scan;
        }
    }

    /// <summary>
    /// Longest prefix of <paramref name="key"/> found in the base: the suffix-array index of a
    /// suffix that starts with it, and its length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal (int Index, int Length) Search(ReadOnlySpan<byte> key)
    {
        var sa = _suffixArray;
        if (sa.Length == 0)
        {
            return (0, 0);
        }

        var old = _baseData.AsSpan();
        var lo = 0;
        var hi = sa.Length - 1;
        if (key.Length >= sizeof(ulong))
        {
            // Narrow the range on the samples first: a sixteenth as many, with their bytes
            // inline, where the full search would fetch a suffix-array entry and then its text
            // at every step, two cache misses. A sample strictly below the key's first eight
            // bytes is a suffix below the key, one strictly above is above it, so the search
            // still ends on the same pair of neighbours and finds the same match.
            var samples = _samples;
            var starts = _sampleStarts;
            var prefix = BinaryPrimitives.ReadUInt64BigEndian(key);
            var first = (int)(prefix >> 48);
            var stop = starts[first + 1];
            var below = LowerBound(samples, starts[first], stop, prefix);
            var above = prefix == ulong.MaxValue
                ? samples.Length
                : LowerBound(samples, below, stop, prefix + 1);

            if (below > 0)
            {
                lo = (below - 1) << SampleShift;
            }

            if (above < samples.Length)
            {
                hi = above << SampleShift;
            }
        }

        var lcpLo = CommonPrefix(key, old[sa[lo]..]);
        var lcpHi = CommonPrefix(key, old[sa[hi]..]);

        // Binary search that skips the prefix both bounds already share with the key.
        while (hi - lo > 1)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var known = Math.Min(lcpLo, lcpHi);
            var suffix = old[sa[mid]..];
            var common = known + CommonPrefix(key[known..], suffix[known..]);
            var keyIsSmaller = common == key.Length
                || (common < suffix.Length && key[common] < suffix[common]);
            if (keyIsSmaller)
            {
                hi = mid;
                lcpHi = common;
            }
            else
            {
                lo = mid;
                lcpLo = common;
            }
        }

        return lcpLo >= lcpHi ? (lo, lcpLo) : (hi, lcpHi);
    }

    /// <summary>
    /// Among the suffixes beside <paramref name="index"/> that also start with the key's first
    /// <paramref name="length"/> bytes, the position nearest <paramref name="preferred"/>: its
    /// surroundings are the likeliest to keep matching after the exact part ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Nearest(ReadOnlySpan<byte> key, int index, int length, long preferred)
    {
        var sa = _suffixArray;
        var old = _baseData.AsSpan();
        var best = sa[index];
        var bestDistance = Math.Abs(best - preferred);
        for (var step = -1; step <= 1; step += 2)
        {
            var i = index + step;
            for (var k = 1; k <= Neighbours && (uint)i < (uint)sa.Length; k++, i += step)
            {
                if (CommonPrefix(key, old[sa[i]..]) < length)
                {
                    break;
                }

                var distance = Math.Abs(sa[i] - preferred);
                if (distance < bestDistance)
                {
                    best = sa[i];
                    bestDistance = distance;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// How many of target[from, to) equal the base byte at <paramref name="offset"/> from them
    /// (bytes whose counterpart falls outside the base count as disagreeing).
    /// </summary>
    private int AgreeingBytes(int from, int to, long offset)
    {
        var first = (int)Math.Clamp(from, -offset, _baseData.Length - offset);
        var last = (int)Math.Clamp(to, first, _baseData.Length - offset);
        var target = _target.AsSpan(first, last - first);
        var old = _baseData.AsSpan((int)(first + offset), target.Length);
        var count = 0;
        var i = 0;
        for (; i <= target.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            var equal = Vector128.Equals(Vector128.Create(target[i..]), Vector128.Create(old[i..]));
            count += BitOperations.PopCount(equal.ExtractMostSignificantBits());
        }

        for (; i < target.Length; i++)
        {
            if (target[i] == old[i])
            {
                count++;
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllAgree(byte[] a, int aAt, byte[] b, int bAt) =>
        Vector128.Create(a.AsSpan(aAt, Vector128<byte>.Count))
        == Vector128.Create(b.AsSpan(bAt, Vector128<byte>.Count));

    /// <summary>Length of the common prefix of two spans.</summary>
    /// <remarks>
    /// Most comparisons here end within a few bytes, where one eight-byte word settles them
    /// faster than the general vectorised routine gets going; longer ones are handed to it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommonPrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length >= sizeof(ulong) && b.Length >= sizeof(ulong))
        {
            var difference = BinaryPrimitives.ReadUInt64LittleEndian(a)
                ^ BinaryPrimitives.ReadUInt64LittleEndian(b);
            if (difference != 0)
            {
                return BitOperations.TrailingZeroCount(difference) >> 3;
            }

            return sizeof(ulong) + a[sizeof(ulong)..].CommonPrefixLength(b[sizeof(ulong)..]);
        }

        return a.CommonPrefixLength(b);
    }

    /// <summary>First index in [lo, hi) whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(ulong[] values, int lo, int hi, ulong value)
    {
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int[] IndexSamples(ulong[] samples)
    {
        var starts = new int[(1 << 16) + 1];
        var next = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (int)(samples[i] >> 48);
            while (next <= value)
            {
                starts[next++] = i;
            }
        }

        while (next < starts.Length)
        {
            starts[next++] = samples.Length;
        }

        return starts;
    }

    // The first eight bytes of every 2^SampleShift-th suffix, big-endian, so that comparing the
    // numbers compares the bytes; a suffix shorter than eight bytes is padded with zeros, which
    // keeps the samples in suffix order and never makes one compare strictly on the wrong side.
    private static ulong[] Sample(byte[] data, int[] suffixArray)
    {
        var samples = new ulong[(suffixArray.Length + (1 << SampleShift) - 1) >> SampleShift];
        Span<byte> padded = stackalloc byte[sizeof(ulong)];
        for (var i = 0; i < samples.Length; i++)
        {
            var position = suffixArray[i << SampleShift];
            var available = Math.Min(sizeof(ulong), data.Length - position);
            padded.Clear();
            data.AsSpan(position, available).CopyTo(padded);
            samples[i] = BinaryPrimitives.ReadUInt64BigEndian(padded);
        }

        return samples;
    }
}
