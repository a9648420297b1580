using System.Buffers;
using System.Runtime.CompilerServices;

namespace Mist.Delta.Chunking;

/// <summary>
/// Cuts a stream into content-defined chunks as it reads, holding at most twice the maximum
/// chunk size, so files of any length (64-bit offsets) chunk in bounded memory.
/// </summary>
public sealed class StreamChunker(FastCdc cdc)
{
    public static StreamChunker Default { get; } = new(FastCdc.Default);

    /// <summary>The chunks of <paramref name="stream"/> from its current position, in order.
    /// Each must be disposed by the caller. An empty stream gives no chunks.</summary>
    public async IAsyncEnumerable<ChunkBuffer> ReadChunksAsync(
        Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var max = cdc.Options.MaxSize;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity(stream, max));
        try
        {
            var start = 0;
            var filled = 0;
            var atEnd = false;
            long offset = 0;
            while (true)
            {
                // Unless the stream has ended, the cut needs a maximum chunk's worth ahead.
                while (!atEnd && filled - start < max)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, filled - start).CopyTo(buffer);
                        filled -= start;
                        start = 0;
                    }
                    else if (filled == buffer.Length)
                    {
                        buffer = Grow(buffer, filled, 2 * max);
                    }

                    (filled, atEnd) = await FillAsync(stream, buffer, filled, cancellationToken);
                }

                if (start == filled)
                {
                    yield break;
                }

                var length = cdc.NextCut(buffer.AsSpan(start, filled - start), atEnd);
                yield return new ChunkBuffer(offset, buffer.AsSpan(start, length));
                start += length;
                offset += length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Most files of a build are far smaller than two maximum chunks; a buffer one byte longer
    // than what is left reads them whole and sees the end, without renting 8 MiB each time.
    private static int InitialCapacity(Stream stream, int max)
    {
        var full = 2 * max;
        if (!stream.CanSeek)
        {
            return full;
        }

        var left = stream.Length - stream.Position;
        return left < full ? (int)Math.Max(left + 1, 1) : full;
    }

    private static byte[] Grow(byte[] buffer, int filled, int capacity)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(capacity);
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private static async Task<(int Filled, bool AtEnd)> FillAsync(
        Stream stream, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return (filled, true);
            }

            filled += read;
        }

        return (filled, false);
    }
}
