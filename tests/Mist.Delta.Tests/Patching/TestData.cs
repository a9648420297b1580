namespace Mist.Delta.Tests.Patching;

/// <summary>Deterministic inputs that resemble builds: code-like bytes with small edits.</summary>
internal static class TestData
{
    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>
    /// Bytes drawn from a small alphabet with repeats, compressible like real code.
    /// </summary>
    public static byte[] CodeLike(int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = i > 16 && random.Next(4) == 0
                ? data[i - 1 - random.Next(16)]
                : (byte)random.Next(40);
        }

        return data;
    }

    /// <summary>A copy with a few bytes changed, some inserted and some removed.</summary>
    public static byte[] Edit(byte[] source, int seed, int edits)
    {
        var random = new Random(seed);
        var data = new List<byte>(source);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(3))
            {
                case 0:
                    data[at] ^= (byte)(1 + random.Next(255));
                    break;
                case 1:
                    data.InsertRange(at, Random(1 + random.Next(40), seed + e));
                    break;
                default:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(40)));
                    break;
            }
        }

        return data.ToArray();
    }
}
