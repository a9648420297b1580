namespace Mist.Delta.Chunking;

/// <summary>
/// The 256 random 64-bit values of the gear hash, generated from a fixed seed with
/// SplitMix64 so the table is the same on every machine without shipping a data file. It is
/// part of the storage format: a different table gives different chunks.
/// </summary>
internal static class GearTable
{
    private const ulong Seed = 0x4D6973744344430AUL; // "MistCDC\n"

    public static readonly ulong[] Values = Generate();

    private static ulong[] Generate()
    {
        var values = new ulong[256];
        var state = Seed;
        for (var i = 0; i < values.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            values[i] = z ^ (z >> 31);
        }

        return values;
    }
}
