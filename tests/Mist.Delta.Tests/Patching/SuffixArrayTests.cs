using Mist.Delta.Patching.Small;

namespace Mist.Delta.Tests.Patching;

public sealed class SuffixArrayTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 500)]
    [InlineData(4, 2000)]
    [InlineData(256, 3000)]
    public void Suffixes_come_out_in_sorted_order(int alphabet, int length)
    {
        var random = new Random(alphabet * 7919 + length);
        for (var round = 0; round < 20; round++)
        {
            var text = new byte[random.Next(length + 1)];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = (byte)random.Next(alphabet);
            }

            var expected = Enumerable.Range(0, text.Length)
                .OrderBy(i => i, Comparer<int>.Create((a, b) =>
                    text.AsSpan(a).SequenceCompareTo(text.AsSpan(b))))
                .ToArray();

            SuffixArray.Build(text).ShouldBe(expected);
        }
    }
}
