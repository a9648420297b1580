using System.Numerics;
using System.Runtime.CompilerServices;
using Mist.Delta.Patching.IO;

namespace Mist.Delta.Patching.Small;

/// <summary>
/// Reads the difference bytes of a small segment, stored as zero-run pairs (how many zeros,
/// then how many non-zero bytes) plus the non-zero bytes themselves, and adds them to base bytes.
/// The first non-zero byte of each run is kept apart from the others: it is the changed low byte
/// of an address or offset, the others mostly carries, and zstd codes each kind better alone.
/// </summary>
/// <remarks>
/// A pair is a token byte: zeros in the high six bits, non-zeros in the low two. Zeros of 63
/// mean "63 plus a varint that follows"; non-zeros of 0 mean "a varint follows" (which is how
/// a run of 0 and runs above 3 are written).
/// </remarks>
internal sealed class DifferenceSource(
    ByteSource runs, ByteSource heads, ByteSource tails, long segmentLength)
{
    public const int CountBits = 2;
    public const int MaxShortCount = (1 << CountBits) - 1;
    public const int ZerosEscape = (1 << (8 - CountBits)) - 1;

    private readonly byte[] _buffer = new byte[1 << 16];
    private long _zeros;
    private long _nonZeros;
    private bool _headPending;

    public bool AtEnd =>
        _zeros == 0 && _nonZeros == 0 && runs.AtEnd && heads.AtEnd && tails.AtEnd;

    /// <summary>
    /// Adds the next <c>data.Length</c> difference bytes to <paramref name="data"/>.
    /// </summary>
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

            if (_headPending)
            {
                data[0] += heads.ReadByte();
                _headPending = false;
                _nonZeros--;
                data = data[1..];
                continue;
            }

            var count = (int)Math.Min(Math.Min(_nonZeros, data.Length), _buffer.Length);
            var difference = _buffer.AsSpan(0, count);
            tails.ReadExactly(difference);
            Add(data[..count], difference);
            _nonZeros -= count;
            data = data[count..];
        }
    }

    private void ReadRun()
    {
        var token = runs.ReadByte();
        _zeros = token >> CountBits;
        _nonZeros = token & MaxShortCount;
        if (_zeros == ZerosEscape)
        {
            _zeros += runs.ReadVarLong();
        }

        if (_nonZeros == 0)
        {
            _nonZeros = runs.ReadVarLong();
        }

        if ((_zeros == 0 && _nonZeros == 0)
            || _zeros > segmentLength
            || _nonZeros > segmentLength)
        {
            throw new PatchFormatException("The difference runs stream holds an impossible run.");
        }

        _headPending = _nonZeros > 0;
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
