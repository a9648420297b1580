using System.Runtime.CompilerServices;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Linear-time suffix array construction by induced sorting (SA-IS, Nong, Zhang and Chan 2009).
/// The text is treated as if followed by a unique smallest sentinel, which is not stored.
/// </summary>
internal static class SuffixArray
{
    /// <summary>Bytes of memory one indexed byte costs: the array, type flags, recursion.</summary>
    public const int BytesPerIndexedByte = 6;

    public static int[] Build(byte[] text)
    {
        var sa = new int[text.Length];
        if (text.Length > 0)
        {
            Sais(new ByteSymbols(text), sa, 0, 256);
        }

        return sa;
    }

    // One method for every level: bytes at the top, integer names below. Generic over a
    // struct symbol reader so each level is compiled for its own symbol type (the top level
    // needs no widened copy of the text) and every access inlines.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sais<TSymbols>(TSymbols s, int[] root, int offset, int k)
        where TSymbols : struct, ISymbols
    {
        var n = s.Length;
        var sa = root.AsSpan(offset, n);
        if (n == 1)
        {
            sa[0] = 0;
            return;
        }

        // isS[i]: suffix i is smaller than suffix i + 1. The last suffix is larger than the
        // sentinel, so it is L-type.
        var isS = new bool[n];
        for (var i = n - 2; i >= 0; i--)
        {
            var a = s[i];
            var b = s[i + 1];
            isS[i] = a < b || (a == b && isS[i + 1]);
        }

        var bucket = new int[k];
        var counts = new int[k];
        for (var i = 0; i < n; i++)
        {
            counts[s[i]]++;
        }

        // Step 1: sort LMS substrings by inducing from their unsorted positions.
        sa.Fill(-1);
        BucketEnds(counts, bucket);
        for (var i = 1; i < n; i++)
        {
            if (isS[i] && !isS[i - 1])
            {
                sa[--bucket[s[i]]] = i;
            }
        }

        InduceL(s, sa, isS, counts, bucket);
        InduceS(s, sa, isS, counts, bucket);

        // Step 2: name the sorted LMS substrings; equal substrings share a name.
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var p = sa[i];
            if (p > 0 && isS[p] && !isS[p - 1])
            {
                sa[m++] = p;
            }
        }

        sa[m..].Fill(-1);
        var names = 0;
        var previous = -1;
        for (var i = 0; i < m; i++)
        {
            var p = sa[i];
            if (!LmsEqual(s, isS, previous, p))
            {
                names++;
                previous = p;
            }

            // LMS positions are at least two apart, so p / 2 slots never collide.
            sa[m + (p >> 1)] = names - 1;
        }

        for (int i = n - 1, j = n - 1; i >= m; i--)
        {
            if (sa[i] >= 0)
            {
                sa[j--] = sa[i];
            }
        }

        // Step 3: sort the LMS suffixes, recursing when names repeat.
        var reduced = sa.Slice(n - m, m);
        var reducedSa = sa[..m];
        if (names < m)
        {
            Sais(new IntSymbols(root, offset + n - m, m), root, offset, names);
        }
        else
        {
            for (var i = 0; i < m; i++)
            {
                reducedSa[reduced[i]] = i;
            }
        }

        // Map reduced ranks back to text positions, reusing the reduced string's slots.
        for (int i = 1, j = 0; i < n; i++)
        {
            if (isS[i] && !isS[i - 1])
            {
                reduced[j++] = i;
            }
        }

        for (var i = 0; i < m; i++)
        {
            reducedSa[i] = reduced[reducedSa[i]];
        }

        sa[m..].Fill(-1);
        BucketEnds(counts, bucket);
        for (var i = m - 1; i >= 0; i--)
        {
            var p = sa[i];
            sa[i] = -1;
            sa[--bucket[s[p]]] = p;
        }

        InduceL(s, sa, isS, counts, bucket);
        InduceS(s, sa, isS, counts, bucket);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LmsEqual<TSymbols>(TSymbols s, bool[] isS, int a, int b)
        where TSymbols : struct, ISymbols
    {
        if (a < 0)
        {
            return false;
        }

        var n = s.Length;
        for (var d = 0; ; d++)
        {
            // The substring that runs into the sentinel is unique.
            if (a + d == n || b + d == n)
            {
                return false;
            }

            if (s[a + d] != s[b + d] || isS[a + d] != isS[b + d])
            {
                return false;
            }

            if (d > 0)
            {
                var aEnds = isS[a + d] && !isS[a + d - 1];
                var bEnds = isS[b + d] && !isS[b + d - 1];
                if (aEnds || bEnds)
                {
                    return aEnds && bEnds;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InduceL<TSymbols>(
        TSymbols s, Span<int> sa, bool[] isS, int[] counts, int[] bucket)
        where TSymbols : struct, ISymbols
    {
        BucketStarts(counts, bucket);
        var n = s.Length;

        // The suffix just before the sentinel is L-type and comes first in its bucket.
        sa[bucket[s[n - 1]]++] = n - 1;
        for (var i = 0; i < n; i++)
        {
            var j = sa[i] - 1;
            if (j >= 0 && !isS[j])
            {
                sa[bucket[s[j]]++] = j;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InduceS<TSymbols>(
        TSymbols s, Span<int> sa, bool[] isS, int[] counts, int[] bucket)
        where TSymbols : struct, ISymbols
    {
        BucketEnds(counts, bucket);
        for (var i = s.Length - 1; i >= 0; i--)
        {
            var j = sa[i] - 1;
            if (j >= 0 && isS[j])
            {
                sa[--bucket[s[j]]] = j;
            }
        }
    }

    private static void BucketStarts(int[] counts, int[] bucket)
    {
        var sum = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            bucket[c] = sum;
            sum += counts[c];
        }
    }

    private static void BucketEnds(int[] counts, int[] bucket)
    {
        var sum = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            sum += counts[c];
            bucket[c] = sum;
        }
    }

    private interface ISymbols
    {
        int Length { get; }

        int this[int index] { get; }
    }

    private readonly struct ByteSymbols(byte[] data) : ISymbols
    {
        public int Length => data.Length;

        public int this[int index] => data[index];
    }

    private readonly struct IntSymbols(int[] data, int offset, int length) : ISymbols
    {
        public int Length => length;

        public int this[int index] => data[offset + index];
    }
}
