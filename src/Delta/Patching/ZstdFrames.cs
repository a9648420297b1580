using System.Numerics;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Mist.Delta.Patching;

/// <summary>The zstd settings both encoders use, in one place.</summary>
internal static class ZstdFrames
{
    /// <summary>Largest window the small encoder's streams use (128 MiB, zstd's "long").</summary>
    public const int MaxStreamWindowLog = 27;

    /// <summary>Largest window zstd allows on 64-bit, needed for fast patches of big windows.</summary>
    public const int MaxWindowLog = 31;

    /// <summary>Compresses one whole stream; an empty stream is stored as nothing at all.</summary>
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

    public static Decompressor CreateDecompressor()
    {
        var decompressor = new Decompressor();
        decompressor.SetParameter(ZSTD_dParameter.ZSTD_d_windowLogMax, MaxWindowLog);
        return decompressor;
    }
}
