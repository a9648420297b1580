using System.Buffers;

namespace Mist.Delta.Chunking;

/// <summary>
/// One chunk's bytes in a pooled array, owned by whoever holds it: it can cross threads (to be
/// hashed and compressed) and must be disposed once, which returns the array to the pool.
/// </summary>
public sealed class ChunkBuffer : IDisposable
{
    private byte[]? _array;

    internal ChunkBuffer(long offset, ReadOnlySpan<byte> bytes)
    {
        Offset = offset;
        Length = bytes.Length;
        _array = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(_array);
    }

    /// <summary>Where the chunk starts in its file.</summary>
    public long Offset { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(ChunkBuffer));

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
