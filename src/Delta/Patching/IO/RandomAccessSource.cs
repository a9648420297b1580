using System.Runtime.CompilerServices;
using Mist.Delta.Transforms;

namespace Mist.Delta.Patching.IO;

/// <summary>
/// Random access to a base or target file, safe to share between threads, optionally seen
/// through the x86 branch transform. Small reads go through a cache of transformed blocks
/// because the decoder reads the base in many short, mostly forward, runs.
/// </summary>
internal sealed class RandomAccessSource
{
    private const int CachedBlocks = 4;

    private readonly Stream _stream;
    private readonly object _gate = new();
    private readonly bool _transform;
    private readonly long[] _cachedOffsets = new long[CachedBlocks];
    private readonly byte[][] _cachedData = new byte[CachedBlocks][];
    private readonly int[] _cachedLengths = new int[CachedBlocks];
    private int _nextVictim;

    public RandomAccessSource(Stream stream, bool transform)
    {
        _stream = stream;
        _transform = transform;
        Length = stream.Length;
        Array.Fill(_cachedOffsets, -1);
    }

    public long Length { get; }

    /// <summary>
    /// Opens a base, target or patch file for the short reads at scattered offsets that
    /// encoding and applying make.
    /// </summary>
    public static FileStream OpenFile(string path) =>
        new(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            1 << 16,
            FileOptions.RandomAccess);

    /// <summary>
    /// Reads a region whole (for the encoder's windows and the fast decoder's dictionary). The
    /// region must start on a transform block and end on one or at the end of the file.
    /// </summary>
    public byte[] ReadRegion(long offset, int length)
    {
        var data = GC.AllocateUninitializedArray<byte>(length);
        ReadRaw(offset, data);
        if (_transform)
        {
            if (offset % BranchTransform.BlockSize != 0
                || ((offset + length) % BranchTransform.BlockSize != 0
                    && offset + length != Length))
            {
                throw new InvalidOperationException("Transformed regions must be block aligned.");
            }

            BranchTransform.EncodeBlocks(data, offset);
        }

        return data;
    }

    /// <summary>Reads any run of bytes through the block cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(long offset, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var blockStart = offset - (offset % BranchTransform.BlockSize);
            var block = GetBlock(blockStart, out var blockLength);
            var within = (int)(offset - blockStart);
            var count = Math.Min(destination.Length, blockLength - within);
            block.AsSpan(within, count).CopyTo(destination);
            destination = destination[count..];
            offset += count;
        }
    }

    private byte[] GetBlock(long blockStart, out int blockLength)
    {
        for (var i = 0; i < CachedBlocks; i++)
        {
            if (_cachedOffsets[i] == blockStart)
            {
                blockLength = _cachedLengths[i];
                return _cachedData[i];
            }
        }

        var slot = _nextVictim;
        _nextVictim = (_nextVictim + 1) % CachedBlocks;
        var data = _cachedData[slot] ??= new byte[BranchTransform.BlockSize];
        blockLength = (int)Math.Min(BranchTransform.BlockSize, Length - blockStart);
        ReadRaw(blockStart, data.AsSpan(0, blockLength));
        if (_transform)
        {
            BranchTransform.Encode(data.AsSpan(0, blockLength), blockStart);
        }

        _cachedOffsets[slot] = blockStart;
        _cachedLengths[slot] = blockLength;
        return data;
    }

    private void ReadRaw(long offset, Span<byte> destination)
    {
        lock (_gate)
        {
            _stream.Position = offset;
            _stream.ReadExactly(destination);
        }
    }
}
