using Mist.Delta.Patching.IO;
using Mist.Delta.Transforms;

namespace Mist.Delta.Patching;

/// <summary>
/// Cuts a file pair into segments that fit one index. A file that fits is one segment against
/// the whole base; otherwise the target is cut into aligned pieces and each is given the base
/// window where most of its content-defined anchors are found.
/// </summary>
internal static class SegmentPlanner
{
    private const int MaxAnchors = 1 << 20;
    private static readonly ulong[] Gear = CreateGear();

    public static List<SegmentPlan> Plan(
        RandomAccessSource baseSource, RandomAccessSource targetSource, long window)
    {
        var baseLength = baseSource.Length;
        var targetLength = targetSource.Length;
        var plans = new List<SegmentPlan>();
        if (targetLength == 0)
        {
            return plans;
        }

        window = Math.Max(BranchTransform.BlockSize, AlignDown(window));
        if (baseLength <= window && targetLength <= window)
        {
            plans.Add(new SegmentPlan(0, targetLength, 0, baseLength));
            return plans;
        }

        // Half a window of target against a whole window of base leaves room for content that
        // moved a little either way.
        var segmentLength = Math.Max(BranchTransform.BlockSize, AlignDown(window / 2));
        var baseWindow = Math.Min(window, baseLength);
        var anchors = baseLength > window ? IndexAnchors(baseSource) : null;
        for (var offset = 0L; offset < targetLength; offset += segmentLength)
        {
            var length = Math.Min(segmentLength, targetLength - offset);
            var start = anchors is null
                ? 0
                : ChooseWindow(anchors, targetSource, offset, length, baseLength, baseWindow);
            plans.Add(new SegmentPlan(
                offset, length, start, Math.Min(baseWindow, baseLength - start)));
        }

        return plans;
    }

    private static long ChooseWindow(
        AnchorIndex anchors,
        RandomAccessSource target,
        long offset,
        long length,
        long baseLength,
        long window)
    {
        var hits = new List<long>();
        Scan(target, offset, length, anchors.Mask, (hash, _) =>
        {
            if (anchors.Positions.TryGetValue(hash, out var position))
            {
                hits.Add(position);
            }
        });

        long start;
        if (hits.Count == 0)
        {
            // Nothing in common found: assume content kept its relative place.
            start = (long)((double)offset / Math.Max(1, target.Length) * baseLength);
        }
        else
        {
            // The window start that covers the most hits, by sweeping the sorted positions.
            hits.Sort();
            int best = 0, bestCount = 0;
            for (int lo = 0, hi = 0; lo < hits.Count; lo++)
            {
                while (hi < hits.Count && hits[hi] < hits[lo] + window)
                {
                    hi++;
                }

                if (hi - lo > bestCount)
                {
                    bestCount = hi - lo;
                    best = lo;
                }
            }

            // Centre the covered hits in the window rather than starting at the first one.
            var last = hits[best + bestCount - 1];
            start = hits[best] - ((window - (last - hits[best])) / 2);
        }

        return AlignDown(Math.Clamp(start, 0, Math.Max(0, baseLength - window)));
    }

    private static AnchorIndex IndexAnchors(RandomAccessSource source)
    {
        // Anchor spacing grows with the file so the table stays near MaxAnchors entries.
        var spacing = 4096L;
        while (source.Length / spacing > MaxAnchors)
        {
            spacing *= 2;
        }

        var mask = (ulong)spacing - 1;
        var positions = new Dictionary<ulong, long>();
        Scan(source, 0, source.Length, mask, (hash, position) => positions.TryAdd(hash, position));
        return new AnchorIndex(positions, mask);
    }

    // Content-defined anchors: positions where a gear rolling hash over the last 64 bytes has
    // its low bits clear. The same content yields the same anchors wherever it moved.
    private static void Scan(
        RandomAccessSource source, long offset, long length, ulong mask, Action<ulong, long> found)
    {
        var buffer = new byte[1 << 20];
        ulong hash = 0;
        for (var done = 0L; done < length;)
        {
            var count = (int)Math.Min(buffer.Length, length - done);
            var chunk = buffer.AsSpan(0, count);
            source.Read(offset + done, chunk);
            for (var i = 0; i < count; i++)
            {
                hash = (hash << 1) + Gear[chunk[i]];
                if ((hash & mask) == 0)
                {
                    found(hash, offset + done + i);
                }
            }

            done += count;
        }
    }

    private static long AlignDown(long value) => value - (value % BranchTransform.BlockSize);

    private static ulong[] CreateGear()
    {
        // splitmix64 from a fixed seed: any fixed table works, it only has to be the same
        // for base and target.
        var table = new ulong[256];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < table.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            table[i] = z ^ (z >> 31);
        }

        return table;
    }

    private sealed record AnchorIndex(Dictionary<ulong, long> Positions, ulong Mask);
}
