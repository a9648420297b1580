using Mist.Delta.Chunking;

namespace Mist.Delta.Tests.Chunking;

public sealed class FastCdcTests
{
    // Small sizes keep the tests fast; the algorithm scales the masks from the average.
    private static readonly FastCdc Small = new(new ChunkerOptions(1024, 4096, 16384));

    private static readonly List<int> Pinned =
        [1149442, 1338929, 1849225, 1880027, 1343092, 827893];

    [Fact]
    public void Same_input_gives_the_same_boundaries()
    {
        var data = TestData.Random(1 << 20, seed: 1);

        Cuts(Small, data).ShouldBe(Cuts(Small, data.ToArray()));
    }

    [Fact]
    public void Default_boundaries_never_change_for_a_known_input()
    {
        // Boundaries are part of the storage format: if the gear table, masks or sizes drift,
        // new versions stop sharing chunks with stored ones. This pins them.
        var data = TestData.Random(8 << 20, seed: 7);

        Cuts(FastCdc.Default, data).ShouldBe(Pinned);
    }

    [Fact]
    public void Every_chunk_respects_min_and_max_and_the_last_takes_the_rest()
    {
        var data = TestData.Random(2 << 20, seed: 2);

        var cuts = Cuts(Small, data);

        cuts.Sum().ShouldBe(data.Length);
        cuts.SkipLast(1).ShouldAllBe(c => c >= 1024 && c <= 16384);
        cuts[^1].ShouldBeInRange(1, 16384);
    }

    [Fact]
    public void Data_without_boundaries_is_cut_at_the_maximum()
    {
        var cuts = Cuts(Small, new byte[100_000]);

        cuts.SkipLast(1).ShouldAllBe(c => c == 16384);
        cuts.Sum().ShouldBe(100_000);
    }

    [Fact]
    public void Average_is_near_the_configured_size()
    {
        var cuts = Cuts(Small, TestData.Random(4 << 20, seed: 3));

        var average = cuts.Average();
        average.ShouldBeInRange(3000, 6000);
    }

    [Fact]
    public void Boundaries_resynchronise_after_an_insertion_near_the_start()
    {
        var original = TestData.Random(1 << 20, seed: 4);
        var edited = original[..500].Concat(TestData.Random(37, seed: 5))
            .Concat(original[500..]).ToArray();

        var before = Chunks(Small, original).ToHashSet();
        var after = Chunks(Small, edited);

        var shared = after.Count(before.Contains);
        shared.ShouldBeGreaterThanOrEqualTo(after.Count - 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    public void Input_below_the_minimum_is_one_chunk(int length)
    {
        Small.NextCut(new byte[length], isFinal: true).ShouldBe(length);
    }

    [Fact]
    public void Partial_input_shorter_than_the_maximum_is_refused()
    {
        Should.Throw<ArgumentException>(() => Small.NextCut(new byte[5000], isFinal: false));
    }

    [Fact]
    public void Options_refuse_an_average_that_is_not_a_power_of_two()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ChunkerOptions(1024, 3000, 9000));
    }

    internal static List<int> Cuts(FastCdc cdc, byte[] data)
    {
        var cuts = new List<int>();
        for (var start = 0; start < data.Length;)
        {
            var cut = cdc.NextCut(data.AsSpan(start), isFinal: true);
            cuts.Add(cut);
            start += cut;
        }

        return cuts;
    }

    private static List<string> Chunks(FastCdc cdc, byte[] data)
    {
        var start = 0;
        return [.. Cuts(cdc, data).Select(cut =>
        {
            var chunk = Convert.ToHexString(data.AsSpan(start, cut));
            start += cut;
            return chunk;
        })];
    }
}
