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

            SuffixArray.Build(text).ShouldBe(NaiveSort(text));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Repetitive_texts_with_rare_changes_sort_correctly(int period)
    {
        // Periodic text makes many equal LMS substrings, so the reduced problem recurses
        // several levels deep; the rare changes break ties at different depths.
        var random = new Random(period);
        for (var round = 0; round < 10; round++)
        {
            var text = new byte[random.Next(1, 4000)];
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = i < period || random.Next(200) == 0
                    ? (byte)random.Next(256)
                    : text[i - period];
            }

            SuffixArray.Build(text).ShouldBe(NaiveSort(text));
        }
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 7 })]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 1, 0 })]
    [InlineData(new byte[] { 0, 1 })]
    [InlineData(new byte[] { 2, 1, 0 })]
    [InlineData(new byte[] { 0, 1, 2 })]
    [InlineData(new byte[] { 1, 0, 1, 0, 1, 0 })]
    [InlineData(new byte[] { 255, 0, 255, 0, 255 })]
    [InlineData(new byte[] { 3, 1, 2, 1, 2, 1, 2, 0 })]
    public void Tiny_and_edge_texts_sort_correctly(byte[] text)
    {
        SuffixArray.Build(text).ShouldBe(NaiveSort(text));
    }

    [Fact]
    public void Every_text_of_up_to_eight_bits_over_two_symbols_sorts_correctly()
    {
        for (var length = 1; length <= 8; length++)
        {
            for (var bits = 0; bits < 1 << length; bits++)
            {
                var text = new byte[length];
                for (var i = 0; i < length; i++)
                {
                    text[i] = (byte)((bits >> i) & 1);
                }

                SuffixArray.Build(text).ShouldBe(NaiveSort(text));
            }
        }
    }

    private static int[] NaiveSort(byte[] text) =>
        Enumerable.Range(0, text.Length)
            .OrderBy(i => i, Comparer<int>.Create((a, b) =>
                text.AsSpan(a).SequenceCompareTo(text.AsSpan(b))))
            .ToArray();
}
