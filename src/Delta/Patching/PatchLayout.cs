using System.Security.Cryptography;

namespace Mist.Delta.Patching;

/// <summary>
/// Writes and reads the framing of a patch: the file header and each segment's header. The
/// layout is documented in docs/patch-format.md; change both together.
/// </summary>
internal static class PatchLayout
{
    public const int FormatVersion = 1;
    public const int CheckBytes = 4;
    public const byte FlagBranchTransform = 1;

    private static ReadOnlySpan<byte> Magic => "MDLT"u8;

    public static byte[] WriteHeader(PatchInfo info)
    {
        var buffer = new byte[4 + 3 + (2 * VarInt.MaxBytes) + 64 + VarInt.MaxBytes + CheckBytes];
        var span = buffer.AsSpan();
        Magic.CopyTo(span);
        var at = 4;
        span[at++] = FormatVersion;
        span[at++] = (byte)info.Mode;
        span[at++] = info.BranchTransform ? FlagBranchTransform : (byte)0;
        at += VarInt.Write(span[at..], (ulong)info.BaseSize);
        info.BaseSha256.CopyTo(span[at..]);
        at += 32;
        at += VarInt.Write(span[at..], (ulong)info.TargetSize);
        info.TargetSha256.CopyTo(span[at..]);
        at += 32;
        at += VarInt.Write(span[at..], (ulong)info.Segments.Count);
        at += WriteCheck(span, at);
        return buffer[..at];
    }

    public static byte[] WriteSegmentHeader(PatchSegmentInfo segment)
    {
        var buffer = new byte[(VarInt.MaxBytes * (3 + segment.StreamBytes.Count)) + CheckBytes];
        var span = buffer.AsSpan();
        var at = VarInt.Write(span, (ulong)segment.TargetLength);
        at += VarInt.Write(span[at..], (ulong)segment.BaseOffset);
        at += VarInt.Write(span[at..], (ulong)segment.BaseLength);
        foreach (var length in segment.StreamBytes)
        {
            at += VarInt.Write(span[at..], (ulong)length);
        }

        at += WriteCheck(span, at);
        return buffer[..at];
    }

    /// <summary>
    /// Streams per segment for a mode: control, difference runs, difference heads, difference
    /// tails and literal for small; one frame for fast.
    /// </summary>
    public static int StreamCount(DeltaMode mode) => mode == DeltaMode.Small ? 5 : 1;

    /// <summary>
    /// Reads and validates the file header. Segment headers are read lazily by
    /// <see cref="ReadSegmentHeader"/>; the returned info has no segments, only their count.
    /// </summary>
    public static (PatchInfo Info, long SegmentCount) ReadHeader(Stream patch, long patchLength)
    {
        var reader = new FramingReader(patch, "header");
        Span<byte> magic = stackalloc byte[4];
        reader.Read(magic);
        if (!magic.SequenceEqual(Magic))
        {
            throw new PatchFormatException("Not a Mist patch: the magic bytes are wrong.");
        }

        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new PatchFormatException(
                $"Unsupported patch format version {version}; this decoder reads {FormatVersion}.");
        }

        var mode = (DeltaMode)reader.ReadByte();
        if (mode is not (DeltaMode.Small or DeltaMode.Fast))
        {
            throw new PatchFormatException($"Unknown patch mode {(int)mode}.");
        }

        var flags = reader.ReadByte();
        if ((flags & ~FlagBranchTransform) != 0)
        {
            throw new PatchFormatException($"Unknown patch flags 0x{flags:X2}.");
        }

        var baseSize = reader.ReadLength("base size");
        var baseHash = new byte[32];
        reader.Read(baseHash);
        var targetSize = reader.ReadLength("target size");
        var targetHash = new byte[32];
        reader.Read(targetHash);
        var segments = reader.ReadLength("segment count");
        reader.VerifyCheck();

        // A segment produces at least one byte, and its header takes at least a few.
        var expected = targetSize == 0 ? 0 : 1;
        if (segments < expected || segments > targetSize || segments > patchLength)
        {
            throw new PatchFormatException(
                $"Segment count {segments} is impossible for a target of {targetSize} bytes.");
        }

        var info = new PatchInfo(
            version, mode, flags != 0, baseSize, baseHash, targetSize, targetHash, [],
            patchLength);
        return (info, segments);
    }

    /// <summary>Reads one segment header and checks it against what is left to produce.</summary>
    public static PatchSegmentInfo ReadSegmentHeader(
        Stream patch, PatchInfo info, long targetOffset, long patchRemaining)
    {
        var reader = new FramingReader(patch, "segment header");
        var targetLength = reader.ReadLength("segment target length");
        var baseOffset = reader.ReadLength("segment base offset");
        var baseLength = reader.ReadLength("segment base length");
        var streams = new long[StreamCount(info.Mode)];
        for (var i = 0; i < streams.Length; i++)
        {
            streams[i] = reader.ReadLength("stream length");
        }

        reader.VerifyCheck();
        if (targetLength == 0 || targetLength > info.TargetSize - targetOffset)
        {
            throw new PatchFormatException(
                $"Segment at target offset {targetOffset} declares {targetLength} bytes, "
                + $"beyond the target size {info.TargetSize}.");
        }

        if (baseOffset > info.BaseSize || baseLength > info.BaseSize - baseOffset)
        {
            throw new PatchFormatException(
                $"Segment base window {baseOffset}+{baseLength} lies outside the base "
                + $"of {info.BaseSize} bytes.");
        }

        var total = 0L;
        foreach (var length in streams)
        {
            total += length;
            if (length > patchRemaining || total > patchRemaining)
            {
                throw new PatchFormatException(
                    "Patch is truncated: a segment declares more stream bytes than remain.");
            }
        }

        return new PatchSegmentInfo(targetOffset, targetLength, baseOffset, baseLength, streams);
    }

    private static int WriteCheck(Span<byte> buffer, int length)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..length], hash);
        hash[..CheckBytes].CopyTo(buffer[length..]);
        return CheckBytes;
    }

    /// <summary>
    /// Reads framing bytes one at a time, keeping them for the check that ends them.
    /// </summary>
    private sealed class FramingReader(Stream stream, string what)
    {
        private readonly List<byte> _bytes = new(96);

        public byte ReadByte()
        {
            var value = stream.ReadByte();
            if (value < 0)
            {
                throw new PatchFormatException($"Patch is truncated inside the {what}.");
            }

            _bytes.Add((byte)value);
            return (byte)value;
        }

        public void Read(Span<byte> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = ReadByte();
            }
        }

        public long ReadLength(string field)
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = ReadByte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    if (value > long.MaxValue || (shift == 63 && b > 1))
                    {
                        break;
                    }

                    return (long)value;
                }
            }

            throw new PatchFormatException($"The {field} in the {what} is out of range.");
        }

        public void VerifyCheck()
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(_bytes.ToArray(), hash);
            Span<byte> stored = stackalloc byte[CheckBytes];
            for (var i = 0; i < CheckBytes; i++)
            {
                var value = stream.ReadByte();
                if (value < 0)
                {
                    throw new PatchFormatException($"Patch is truncated inside the {what}.");
                }

                stored[i] = (byte)value;
            }

            if (!stored.SequenceEqual(hash[..CheckBytes]))
            {
                throw new PatchFormatException($"The {what} is corrupt: its check does not match.");
            }
        }
    }
}
