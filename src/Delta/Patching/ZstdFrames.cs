using System.Numerics;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Mist.Delta.Patching;

/// <summary>The zstd settings both encoders use, in one place.</summary>
internal static class ZstdFrames
{
    /// <summary>Largest window the small encoder's streams use (128 MiB, zstd's "long").</summary>
    public const int MaxStreamWindowLog = 27;

    /// <summary>
    /// Largest window zstd allows on 64-bit, needed for fast patches of big windows.
    /// </summary>
    public const int MaxWindowLog = 31;

    /// <summary>Compresses one whole stream; an empty stream is stored as nothing at all.</summary>
    // ZSTD_c_format and ZSTD_d_format set to ZSTD_f_zstd1_magicless: the patch framing already
    // says where each frame is and what it holds, so the four magic bytes per frame are waste.
    private const ZSTD_cParameter CompressFormat = ZSTD_cParameter.ZSTD_c_experimentalParam2;
    private const ZSTD_dParameter DecompressFormat = ZSTD_dParameter.ZSTD_d_experimentalParam1;
    private const int Magicless = 1;

    public static byte[] Compress(ReadOnlySpan<byte> data, int level)
    {
        if (data.IsEmpty)
        {
            return [];
        }

        using var compressor = new Compressor(level);

        // The window only needs to cover the stream: a larger one would make the decoder
        // allocate it for nothing.
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, WindowLogFor(data.Length, 0));
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_enableLongDistanceMatching, 1);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 0);
        compressor.SetParameter(CompressFormat, Magicless);
        return compressor.Wrap(data).ToArray();
    }

    /// <summary>Smallest window log that lets matches reach across prefix and content.</summary>
    public static int WindowLogFor(long contentLength, long prefixLength)
    {
        var total = (ulong)Math.Max(1, contentLength + prefixLength);
        var log = 64 - BitOperations.LeadingZeroCount(total - 1);
        var max = prefixLength > 0 ? MaxWindowLog : MaxStreamWindowLog;
        return Math.Clamp(log, 10, max);
    }

    /// <summary>Prepares a compressor for a fast segment with the shared frame settings.</summary>
    public static void UseFrameSettings(Compressor compressor)
    {
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 0);
        compressor.SetParameter(CompressFormat, Magicless);
    }

    public static Decompressor CreateDecompressor(int windowLogMax = MaxWindowLog)
    {
        var decompressor = new Decompressor();
        decompressor.SetParameter(ZSTD_dParameter.ZSTD_d_windowLogMax, windowLogMax);
        decompressor.SetParameter(DecompressFormat, Magicless);
        return decompressor;
    }
}
