using Mist.Delta.Patching.IO;
using ZstdSharp;

namespace Mist.Delta.Patching.Fast;

/// <summary>
/// Applies one fast segment: one zstd frame decoded with the base window as prefix.
/// </summary>
internal static class FastSegmentDecoder
{
    public static void Apply(
        PatchSegmentInfo segment, Stream frame, RandomAccessSource baseSource, TargetWriter output)
    {
        using var decompressor = ZstdFrames.CreateDecompressor();
        if (segment.BaseLength > 0)
        {
            // The window length was checked against the base size, which was checked against
            // the real base, so this allocation is bounded by a file that exists.
            var window = baseSource.ReadRegion(
                segment.BaseOffset, checked((int)segment.BaseLength));
            decompressor.LoadDictionary(window);
        }

        using var decoded = new DecompressionStream(frame, decompressor, 1 << 17, true, true, true);
        var buffer = new byte[1 << 16];
        var remaining = segment.TargetLength;
        while (true)
        {
            var read = decoded.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }

            if (read > remaining)
            {
                throw new PatchFormatException("A fast segment decodes to more than it declares.");
            }

            output.Write(buffer.AsSpan(0, read));
            remaining -= read;
        }

        if (remaining != 0)
        {
            throw new PatchFormatException("A fast segment decodes to less than it declares.");
        }
    }
}
