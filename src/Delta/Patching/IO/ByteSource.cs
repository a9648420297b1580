using System.Runtime.CompilerServices;
namespace Mist.Delta.Patching.IO;

/// <summary>
/// A buffered reader over one decompressed patch stream that turns a short stream into a
/// <see cref="PatchFormatException"/> naming the stream.
/// </summary>
internal sealed class ByteSource(Stream stream, string name)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    public long ReadVarLong()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByteOrThrow();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (value <= long.MaxValue && (shift < 63 || b <= 1))
                {
                    return (long)value;
                }

                break;
            }
        }

        throw new PatchFormatException($"A number in the {name} stream is out of range.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadExactly(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_start == _end && !Fill())
            {
                throw new PatchFormatException($"The {name} stream ended early.");
            }

            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(destination);
            _start += count;
            destination = destination[count..];
        }
    }

    public bool AtEnd => _start == _end && !Fill();

    public byte ReadByte() => ReadByteOrThrow();

    private byte ReadByteOrThrow()
    {
        if (_start == _end && !Fill())
        {
            throw new PatchFormatException($"The {name} stream ended early.");
        }

        return _buffer[_start++];
    }

    private bool Fill()
    {
        _start = 0;
        _end = stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
