using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Mist.Delta.Patching.Fast;

/// <summary>
/// Encodes one segment as a single zstd frame with the base window loaded as a raw-content
/// dictionary, which is zstd's patch-from; long-distance matching finds the far matches.
/// </summary>
internal static class FastSegmentEncoder
{
    // zstd's dictionary magic; a window starting with it would be parsed as a trained
    // dictionary rather than raw content, so such windows go to the small encoder.
    private const uint DictionaryMagic = 0xEC30A437;

    // ZSTD_c_forceAttachDict: load the dictionary into the working tables (ZSTD_dictForceLoad)
    // so long-distance matching indexes it, as zstd --patch-from does with its prefix.
    private const ZSTD_cParameter ForceAttachDictionary = ZSTD_cParameter.ZSTD_c_experimentalParam4;
    private const int DictionaryForceLoad = 3;

    public static bool CanEncode(ReadOnlySpan<byte> baseWindow) =>
        baseWindow.Length < 4
        || BitConverter.ToUInt32(baseWindow[..4]) != DictionaryMagic;

    public static byte[] Encode(byte[] baseWindow, byte[] target, int level)
    {
        using var compressor = new Compressor(level);
        var windowLog = ZstdFrames.WindowLogFor(target.Length, baseWindow.Length);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, windowLog);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_enableLongDistanceMatching, 1);
        ZstdFrames.UseFrameSettings(compressor);
        compressor.SetParameter(ForceAttachDictionary, DictionaryForceLoad);
        if (baseWindow.Length > 0)
        {
            compressor.LoadDictionary(baseWindow);
        }

        return compressor.Wrap(target).ToArray();
    }
}
