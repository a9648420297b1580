using Mist.Delta.Patching.Small;

namespace Mist.Delta.Tests.Patching;

public sealed class MatcherSearchTests
{
    public static TheoryData<string, byte[]> Bases() => new()
    {
        { "empty", [] },
        { "one byte", [0xFF] },
        { "shorter than a sample", [1, 0, 0xFF, 0xFF, 0] },
        { "all 0xFF: prefixes at the largest value", Enumerable.Repeat((byte)255, 300).ToArray() },
        { "ends in zeros, like sample padding", [.. TestData.CodeLike(500, 1), 0, 0, 0] },
        { "code-like", TestData.CodeLike(3000, 2) },
        { "two symbols", TwoSymbols(2000, 3) },
        { "random", TestData.Random(2000, 4) },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void Search_finds_the_longest_match_anywhere_in_the_base(string name, byte[] baseData)
    {
        // The search narrows its range on sampled suffix prefixes before the binary search;
        // whatever the samples look like, it must still find a longest match.
        var suffixArray = SuffixArray.Build(baseData);
        var matcher = new Matcher(baseData, suffixArray, []);
        var random = new Random(name.Length);

        foreach (var key in Keys(baseData, random))
        {
            var (index, length) = matcher.Search(key);

            var expected = LongestMatch(baseData, key);
            length.ShouldBe(expected, $"{name}: key {Convert.ToHexString(key)}");
            if (baseData.Length > 0)
            {
                var found = baseData.AsSpan(suffixArray[index]);
                key.AsSpan().CommonPrefixLength(found).ShouldBe(length);
            }
        }
    }

    private static IEnumerable<byte[]> Keys(byte[] baseData, Random random)
    {
        for (var i = 0; i < 300; i++)
        {
            var length = 1 + random.Next(40);
            var key = new byte[length];
            if (baseData.Length > 0 && random.Next(3) > 0)
            {
                // A piece of the base, perhaps with one byte changed and perhaps running past
                // its end, so that matches of every length occur.
                var at = random.Next(baseData.Length);
                for (var k = 0; k < length; k++)
                {
                    key[k] = baseData[(at + k) % baseData.Length];
                }

                if (random.Next(2) == 0)
                {
                    key[random.Next(length)] ^= (byte)(1 + random.Next(255));
                }
            }
            else
            {
                random.NextBytes(key);
                if (random.Next(4) == 0)
                {
                    Array.Fill(key, (byte)0xFF);
                }
            }

            yield return key;
        }
    }

    private static int LongestMatch(byte[] baseData, byte[] key)
    {
        var best = 0;
        for (var p = 0; p < baseData.Length; p++)
        {
            best = Math.Max(best, key.AsSpan().CommonPrefixLength(baseData.AsSpan(p)));
        }

        return best;
    }

    private static byte[] TwoSymbols(int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)(random.Next(2) * 0xFF);
        }

        return data;
    }
}
