using System.Runtime.CompilerServices;
using Mist.Delta.Patching.IO;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Applies one small segment: reads control entries and, for each, adds difference bytes to a
/// run of the base and then copies literal bytes, checking every length and position against
/// the segment before using it.
/// </summary>
internal static class SmallSegmentDecoder
{
    private const int ChunkSize = 1 << 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(
        PatchSegmentInfo segment,
        ByteSource control,
        DifferenceSource difference,
        ByteSource literal,
        RandomAccessSource baseSource,
        TargetWriter output)
    {
        var baseChunk = new byte[ChunkSize];
        var windowStart = segment.BaseOffset;
        var windowEnd = segment.BaseOffset + segment.BaseLength;
        var basePosition = windowStart;
        var remaining = segment.TargetLength;

        while (remaining > 0)
        {
            var seek = VarInt.UnZigZag((ulong)control.ReadVarLong());
            var copyLength = control.ReadVarLong();
            var literalLength = control.ReadVarLong();
            if (copyLength > remaining || literalLength > remaining - copyLength)
            {
                throw new PatchFormatException(
                    "A control entry produces more bytes than its segment declares.");
            }

            // Both sides are bounded by the window, so the sum cannot overflow.
            if (seek < -segment.BaseLength || seek > segment.BaseLength)
            {
                throw new PatchFormatException("A control entry seeks outside the base window.");
            }

            basePosition += seek;
            if (copyLength > 0
                && (basePosition < windowStart || copyLength > windowEnd - basePosition))
            {
                throw new PatchFormatException(
                    "A control entry copies from outside the base window.");
            }

            for (var done = 0L; done < copyLength;)
            {
                var count = (int)Math.Min(ChunkSize, copyLength - done);
                var baseSpan = baseChunk.AsSpan(0, count);
                baseSource.Read(basePosition + done, baseSpan);
                difference.AddTo(baseSpan);
                output.Write(baseSpan);
                done += count;
            }

            for (var done = 0L; done < literalLength;)
            {
                var count = (int)Math.Min(ChunkSize, literalLength - done);
                var span = baseChunk.AsSpan(0, count);
                literal.ReadExactly(span);
                output.Write(span);
                done += count;
            }

            basePosition += copyLength;
            remaining -= copyLength + literalLength;
        }

        if (!control.AtEnd || !difference.AtEnd || !literal.AtEnd)
        {
            throw new PatchFormatException("A segment's streams hold data past its last entry.");
        }
    }
}
