using System.Numerics;
using System.Runtime.CompilerServices;
using Mist.Delta.Patching.IO;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Reads the difference bytes of a small segment, stored as zero-run pairs (how many zeros,
/// then how many non-zero bytes) plus the non-zero bytes themselves, and adds them to base bytes.
/// </summary>
internal sealed class DifferenceSource(ByteSource runs, ByteSource bytes, long segmentLength)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private long _zeros;
    private long _nonZeros;

    public bool AtEnd => _zeros == 0 && _nonZeros == 0 && runs.AtEnd && bytes.AtEnd;

    /// <summary>Adds the next <c>data.Length</c> difference bytes to <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTo(Span<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_zeros == 0 && _nonZeros == 0)
            {
                ReadRun();
            }

            if (_zeros > 0)
            {
                // Zero differences leave the base bytes as they are.
                var skip = (int)Math.Min(_zeros, data.Length);
                _zeros -= skip;
                data = data[skip..];
                continue;
            }

            var count = (int)Math.Min(Math.Min(_nonZeros, data.Length), _buffer.Length);
            var difference = _buffer.AsSpan(0, count);
            bytes.ReadExactly(difference);
            Add(data[..count], difference);
            _nonZeros -= count;
            data = data[count..];
        }
    }

    private void ReadRun()
    {
        _zeros = runs.ReadVarLong();
        _nonZeros = runs.ReadVarLong();
        if ((_zeros == 0 && _nonZeros == 0)
            || _zeros > segmentLength
            || _nonZeros > segmentLength)
        {
            throw new PatchFormatException("The difference runs stream holds an impossible run.");
        }
    }

    private static void Add(Span<byte> data, ReadOnlySpan<byte> difference)
    {
        var i = 0;
        var width = Vector<byte>.Count;
        for (; i <= data.Length - width; i += width)
        {
            var sum = new Vector<byte>(data[i..]) + new Vector<byte>(difference[i..]);
            sum.CopyTo(data[i..]);
        }

        for (; i < data.Length; i++)
        {
            data[i] += difference[i];
        }
    }
}
