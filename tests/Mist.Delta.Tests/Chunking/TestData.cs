namespace Mist.Delta.Tests.Chunking;

/// <summary>Pseudo-random bytes from a fixed seed, the same on every machine and runtime.
/// </summary>
internal static class TestData
{
    public static byte[] Random(int length, ulong seed)
    {
        var data = new byte[length];
        var state = seed;
        for (var i = 0; i < length; i += 8)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var value = state ^ (state >> 29);
            for (var j = 0; j < 8 && i + j < length; j++)
            {
                data[i + j] = (byte)(value >> (8 * j));
            }
        }

        return data;
    }
}
