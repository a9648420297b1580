using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Linear-time suffix array construction by induced sorting (SA-IS, Nong, Zhang and Chan 2009),
/// in the compact form of Yuta Mori's sais: no type array (a suffix's type is read from the
/// text where it is needed and carried in the sign of the entries being induced), the bucket
/// being filled kept in a register, and the reduced problem stored inside the suffix array.
/// The text is treated as if followed by a unique smallest sentinel, which is not stored.
/// </summary>
/// <remarks>
/// Pointer code: the inner loops read the text and write the array at positions that only the
/// algorithm's invariants keep in range, and array bounds checks cost about a third of the
/// time. The tests compare the result with a plain sort on random, repetitive and tiny inputs.
/// </remarks>
internal static unsafe class SuffixArray
{
    /// <summary>
    /// Bytes of memory one indexed byte may cost: four for the array, and up to four for the
    /// counts and buckets of a reduced problem's names (at most half as many as bytes).
    /// </summary>
    public const int BytesPerIndexedByte = 8;

    // How far ahead of the induction scan symbols are prefetched.
    private const int PrefetchDistance = 32;

    public static int[] Build(byte[] text)
    {
        var sa = GC.AllocateUninitializedArray<int>(text.Length);
        if (text.Length > 0)
        {
            fixed (byte* t = text)
            fixed (int* s = sa)
            {
                Sais(new ByteText(t, text.Length), s, 256);
            }
        }

        return sa;
    }

    // One method for every level: bytes at the top, integer names below. Generic over a
    // struct text reader so each level is compiled for its own symbol type and reads inline.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sais<T>(T t, int* sa, int k)
        where T : struct, IText
    {
        var n = t.Length;
        var (m, names) = SortLms(t, sa, k);

        // Stage 2: when names repeat, sort the LMS suffixes by solving the string of their
        // names, kept in the array's last m slots (m <= n / 2, so it never meets the first m).
        if (names < m)
        {
            var reduced = sa + n - m;
            for (int i = m + (n >> 1) - 1, j = m - 1; i >= m; i--)
            {
                if (sa[i] != 0)
                {
                    reduced[j--] = sa[i] - 1;
                }
            }

            Sais(new IntText(reduced, m), sa, names);
            StoreLmsPositions(t, reduced, m);
            for (var i = 0; i < m; i++)
            {
                sa[i] = reduced[sa[i]];
            }
        }

        // Stage 3: the sorted LMS suffixes go to the ends of their buckets, in order, and
        // induce everything else. The bucket arrays are made again rather than kept across
        // the recursion, which would hold every level's at once.
        var counts = Count(t, k);
        var buckets = GC.AllocateUninitializedArray<int>(k);
        fixed (int* c = counts)
        fixed (int* b = buckets)
        {
            if (m > 1)
            {
                PlaceSortedLms(t, sa, c, b, k, m);
            }

            InduceAll(t, sa, c, b, k);
        }
    }

    // Stage 1: sorts the LMS substrings and names them, leaving the sorted LMS suffixes in
    // sa[0, m) and their names at sa[m + position / 2]. Returns m and the number of names.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int M, int Names) SortLms<T>(T t, int* sa, int k)
        where T : struct, IText
    {
        var n = t.Length;
        var counts = Count(t, k);
        var buckets = GC.AllocateUninitializedArray<int>(k);
        fixed (int* c = counts)
        fixed (int* b = buckets)
        {
            // The LMS suffixes go to the ends of their buckets, each stored as its position
            // minus one (the suffix to induce next). The leftmost is left out: it would only
            // induce suffixes left of every LMS suffix, which no LMS order needs.
            LoadBuckets(c, b, k, end: true);
            new Span<int>(sa, n).Clear();
            int spare;
            var slot = &spare;
            var m = 0;
            var last = n;
            var i = n - 1;
            int c0 = t[n - 1], c1;
            do
            {
                c1 = c0;
            }
            while (--i >= 0 && (c0 = t[i]) >= c1);

            while (i >= 0)
            {
                do
                {
                    c1 = c0;
                }
                while (--i >= 0 && (c0 = t[i]) <= c1);

                if (i >= 0)
                {
                    *slot = last;
                    slot = sa + --b[c1];
                    last = i;
                    m++;
                    do
                    {
                        c1 = c0;
                    }
                    while (--i >= 0 && (c0 = t[i]) >= c1);
                }
            }

            if (m > 1)
            {
                SortLmsSubstrings(t, sa, c, b, k);
                return (m, NameLmsSubstrings(t, sa, m));
            }

            if (m == 1)
            {
                *slot = last + 1;
            }

            return (m, m);
        }
    }

    private static int[] Count<T>(T t, int k)
        where T : struct, IText
    {
        var counts = new int[k];
        var n = t.Length;
        fixed (int* c = counts)
        {
            for (var i = 0; i < n; i++)
            {
                c[t[i]]++;
            }
        }

        return counts;
    }

    private static void LoadBuckets(int* c, int* b, int k, bool end)
    {
        var sum = 0;
        for (var x = 0; x < k; x++)
        {
            var count = c[x];
            sum += count;
            b[x] = end ? sum : sum - count;
        }
    }

    // Sorts the LMS substrings by inducing from the LMS seeds. Entries hold a position minus
    // one; a processed entry is cleared, and an LMS suffix, once placed, is stored complemented
    // (negative) and never induces further, so that afterwards exactly the m LMS suffixes
    // remain, complemented, in the order of their substrings.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortLmsSubstrings<T>(T t, int* sa, int* c, int* b, int k)
        where T : struct, IText
    {
        var n = t.Length;
        LoadBuckets(c, b, k, end: false);
        var j = n - 1;
        var c1 = t[j];
        var p = sa + b[c1];
        j--;
        *p++ = t[j] < c1 ? ~j : j;
        for (var i = 0; i < n; i++)
        {
            t.Prefetch(sa[Math.Min(i + PrefetchDistance, n - 1)] - 1);
            j = sa[i];
            if (j > 0)
            {
                var c0 = t[j];
                if (c0 != c1)
                {
                    b[c1] = (int)(p - sa);
                    p = sa + b[c1 = c0];
                }

                j--;
                *p++ = t[j] < c1 ? ~j : j;
                sa[i] = 0;
            }
            else if (j < 0)
            {
                sa[i] = ~j;
            }
        }

        LoadBuckets(c, b, k, end: true);
        c1 = 0;
        p = sa + b[0];
        for (var i = n - 1; i >= 0; i--)
        {
            t.Prefetch(sa[Math.Max(i - PrefetchDistance, 0)] - 1);
            j = sa[i];
            if (j > 0)
            {
                var c0 = t[j];
                if (c0 != c1)
                {
                    b[c1] = (int)(p - sa);
                    p = sa + b[c1 = c0];
                }

                j--;
                *--p = t[j] > c1 ? ~(j + 1) : j;
                sa[i] = 0;
            }
        }
    }

    // Moves the sorted LMS suffixes to the front, then names them: equal substrings share a
    // name. A substring's length is kept at m + position / 2 (LMS positions are at least two
    // apart, so the slots never collide), and the name then replaces it. Names start at 1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NameLmsSubstrings<T>(T t, int* sa, int m)
        where T : struct, IText
    {
        var n = t.Length;
        int i, p;
        for (i = 0; (p = sa[i]) < 0; i++)
        {
            sa[i] = ~p;
        }

        if (i < m)
        {
            for (int j = i, x = i + 1; ; x++)
            {
                if ((p = sa[x]) < 0)
                {
                    sa[j++] = ~p;
                    sa[x] = 0;
                    if (j == m)
                    {
                        break;
                    }
                }
            }
        }

        // The last LMS substring runs into the sentinel: counting the sentinel in its length
        // makes it reach past the text, which marks it unique.
        {
            i = n - 1;
            var end = n;
            int c0 = t[n - 1], c1;
            do
            {
                c1 = c0;
            }
            while (--i >= 0 && (c0 = t[i]) >= c1);

            while (i >= 0)
            {
                do
                {
                    c1 = c0;
                }
                while (--i >= 0 && (c0 = t[i]) <= c1);

                if (i >= 0)
                {
                    sa[m + ((i + 1) >> 1)] = end - i;
                    end = i + 1;
                    do
                    {
                        c1 = c0;
                    }
                    while (--i >= 0 && (c0 = t[i]) >= c1);
                }
            }
        }

        // Both substrings end on an LMS symbol, so equal symbols and length mean equal types.
        int names = 0, q = n, qLength = 0;
        for (i = 0; i < m; i++)
        {
            var ahead = sa[Math.Min(i + PrefetchDistance, m - 1)];
            t.Prefetch(ahead);
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(sa + m + (ahead >> 1));
            }

            p = sa[i];
            var pLength = sa[m + (p >> 1)];
            var differs = true;
            if (pLength == qLength && p + pLength <= n && q + pLength <= n)
            {
                var d = 0;
                while (d < pLength && t[p + d] == t[q + d])
                {
                    d++;
                }

                differs = d < pLength;
            }

            if (differs)
            {
                names++;
                q = p;
                qLength = pLength;
            }

            sa[m + (p >> 1)] = names;
        }

        return names;
    }

    // Writes the LMS positions, left to right, over the reduced string (no longer needed).
    private static void StoreLmsPositions<T>(T t, int* positions, int m)
        where T : struct, IText
    {
        var n = t.Length;
        var i = n - 1;
        var j = m - 1;
        int c0 = t[n - 1], c1;
        do
        {
            c1 = c0;
        }
        while (--i >= 0 && (c0 = t[i]) >= c1);

        while (i >= 0)
        {
            do
            {
                c1 = c0;
            }
            while (--i >= 0 && (c0 = t[i]) <= c1);

            if (i >= 0)
            {
                positions[j--] = i + 1;
                do
                {
                    c1 = c0;
                }
                while (--i >= 0 && (c0 = t[i]) >= c1);
            }
        }
    }

    // Spreads sa[0, m) (sorted LMS suffixes) to the ends of their buckets, back to front so
    // no entry is overwritten before it moves, and clears every other slot.
    private static void PlaceSortedLms<T>(T t, int* sa, int* c, int* b, int k, int m)
        where T : struct, IText
    {
        LoadBuckets(c, b, k, end: true);
        var i = m - 1;
        var j = t.Length;
        var p = sa[m - 1];
        var c1 = t[p];
        do
        {
            var c0 = c1;
            var q = b[c0];
            while (q < j)
            {
                sa[--j] = 0;
            }

            do
            {
                sa[--j] = p;
                if (--i < 0)
                {
                    break;
                }

                p = sa[i];
            }
            while ((c1 = t[p]) == c0);
        }
        while (i >= 0);

        new Span<int>(sa, j).Clear();
    }

    // Induces every suffix from the sorted LMS suffixes. An entry is stored complemented when
    // the suffix before it must not be induced in the current pass (it is of the other type);
    // each pass flips the entries it passes, so each ends up positive exactly once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InduceAll<T>(T t, int* sa, int* c, int* b, int k)
        where T : struct, IText
    {
        var n = t.Length;
        LoadBuckets(c, b, k, end: false);
        var j = n - 1;
        var c1 = t[j];
        var p = sa + b[c1];
        *p++ = j > 0 && t[j - 1] < c1 ? ~j : j;
        for (var i = 0; i < n; i++)
        {
            // The entries a little ahead are mostly final already: fetch their symbols early.
            t.Prefetch(sa[Math.Min(i + PrefetchDistance, n - 1)] - 2);
            j = sa[i];
            sa[i] = ~j;
            if (j > 0)
            {
                j--;
                var c0 = t[j];
                if (c0 != c1)
                {
                    b[c1] = (int)(p - sa);
                    p = sa + b[c1 = c0];
                }

                *p++ = j > 0 && t[j - 1] < c1 ? ~j : j;
            }
        }

        LoadBuckets(c, b, k, end: true);
        c1 = 0;
        p = sa + b[0];
        for (var i = n - 1; i >= 0; i--)
        {
            t.Prefetch(sa[Math.Max(i - PrefetchDistance, 0)] - 2);
            j = sa[i];
            if (j > 0)
            {
                j--;
                var c0 = t[j];
                if (c0 != c1)
                {
                    b[c1] = (int)(p - sa);
                    p = sa + b[c1 = c0];
                }

                *--p = j == 0 || t[j - 1] > c1 ? ~j : j;
            }
            else
            {
                sa[i] = ~j;
            }
        }
    }

    private interface IText
    {
        int Length { get; }

        int this[int index] { get; }

        // Asks the processor for a symbol that will be read soon. Harmless for any index.
        void Prefetch(int index);
    }

    private readonly struct ByteText(byte* data, int length) : IText
    {
        public int Length => length;

        public int this[int index] => data[index];

        public void Prefetch(int index)
        {
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(data + index);
            }
        }
    }

    private readonly struct IntText(int* data, int length) : IText
    {
        public int Length => length;

        public int this[int index] => data[index];

        public void Prefetch(int index)
        {
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(data + index);
            }
        }
    }
}
