using Mist.Delta.Patching;

namespace Mist.Delta.Tests.Patching;

/// <summary>Encodes and applies in memory, so tests read as one call.</summary>
internal static class PatchRoundTrip
{
    public static byte[] Encode(byte[] baseData, byte[] target, DeltaOptions? options = null)
    {
        using var patch = new MemoryStream();
        DeltaEncoder.Encode(new MemoryStream(baseData), new MemoryStream(target), patch, options);
        return patch.ToArray();
    }

    public static byte[] Apply(byte[] baseData, byte[] patch)
    {
        using var output = new MemoryStream();
        DeltaDecoder.Apply(new MemoryStream(baseData), new MemoryStream(patch), output);
        return output.ToArray();
    }

    public static byte[] Run(byte[] baseData, byte[] target, DeltaOptions? options = null) =>
        Apply(baseData, Encode(baseData, target, options));
}
