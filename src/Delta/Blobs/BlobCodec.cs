using Mist.Delta.Hashing;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Mist.Delta.Blobs;

/// <summary>
/// The stored form of a chunk or any other payload: one zstd frame of its bytes. A blob's
/// key is the SHA-256 (lower-case hex) of the uncompressed bytes, so the same content gets
/// the same key whatever level compressed it, and a reader can verify what it unpacked.
/// </summary>
public static class BlobCodec
{
    /// <summary>Chosen by measurement; docs/adr/0005-storage-layout.md has the figures.</summary>
    public const int DefaultLevel = 2;

    public const int MinLevel = 1;

    public const int MaxLevel = 22;

    private const ulong ContentSizeUnknown = ulong.MaxValue;

    private const ulong ContentSizeError = ulong.MaxValue - 1;

    // zstd contexts are costly to create (hundreds of KiB of tables) and not thread-safe, so
    // each thread keeps one of each and reuses it.
    [ThreadStatic]
    private static Compressor? _compressor;

    [ThreadStatic]
    private static int _compressorLevel;

    [ThreadStatic]
    private static Decompressor? _decompressor;

    public static string Key(ReadOnlySpan<byte> data) => Sha256Hex.Of(data);

    /// <summary>The largest blob <paramref name="length"/> bytes can compress to.</summary>
    public static int MaxBlobLength(int length) => Compressor.GetCompressBound(length);

    public static byte[] Compress(ReadOnlySpan<byte> data, int level = DefaultLevel)
    {
        var buffer = new byte[MaxBlobLength(data.Length)];
        var written = Compress(data, buffer, level);
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <returns>The blob's length in <paramref name="destination"/>, which must hold at least
    /// <see cref="MaxBlobLength"/> bytes.</returns>
    public static int Compress(ReadOnlySpan<byte> data, Span<byte> destination, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, MinLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        var context = _compressor ??= new Compressor(level);
        if (_compressorLevel != level)
        {
            context.SetParameter(ZSTD_cParameter.ZSTD_c_compressionLevel, level);
            _compressorLevel = level;
        }

        return context.Wrap(data, destination);
    }

    /// <summary>Unpacks a blob that must hold exactly <paramref name="expectedLength"/> bytes;
    /// a blob that would unpack to more is refused without unpacking it all.</summary>
    /// <exception cref="InvalidDataException">The blob is corrupt or has another length.
    /// </exception>
    public static byte[] Decompress(ReadOnlySpan<byte> blob, int expectedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        var output = new byte[expectedLength];
        var written = Decompress(blob, output);
        if (written != expectedLength)
        {
            throw new InvalidDataException(
                $"The blob holds {written} bytes; {expectedLength} were expected.");
        }

        return output;
    }

    /// <returns>Bytes written into <paramref name="destination"/>, whose length bounds the
    /// output.</returns>
    /// <exception cref="InvalidDataException">The blob is corrupt or does not fit.</exception>
    public static int Decompress(ReadOnlySpan<byte> blob, Span<byte> destination)
    {
        var context = _decompressor ??= new Decompressor();
        ulong declared;
        try
        {
            declared = Decompressor.GetDecompressedSize(blob);
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException($"The blob is not a zstd frame: {e.Message}", e);
        }

        if (declared == ContentSizeError)
        {
            throw new InvalidDataException("The blob does not start with a zstd frame header.");
        }

        // The frame header states the content size when it was written in one go; checking it
        // first turns an oversized blob away before any work. Streamed frames leave it out, and
        // then the destination's length is the bound.
        if (declared != ContentSizeUnknown && declared > (ulong)destination.Length)
        {
            throw new InvalidDataException(
                $"The blob declares {declared} bytes; at most {destination.Length} are allowed.");
        }

        try
        {
            return context.Unwrap(blob, destination);
        }
        catch (ZstdException e)
        {
            // A failed frame leaves the context mid-stream; start the next blob afresh.
            _decompressor = null;
            context.Dispose();
            throw new InvalidDataException($"The blob cannot be unpacked: {e.Message}", e);
        }
    }

    /// <summary>Unpacks a blob and checks its bytes against the key it was stored under.
    /// </summary>
    /// <exception cref="InvalidDataException">Corrupt, wrong length or wrong content.</exception>
    public static byte[] DecompressVerified(
        ReadOnlySpan<byte> blob, int expectedLength, string expectedSha256)
    {
        var data = Decompress(blob, expectedLength);
        var actual = Key(data);
        if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(
                $"The blob unpacks to content {actual}, not {expectedSha256}.");
        }

        return data;
    }
}
