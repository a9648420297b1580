using CsCheck;
using Mist.Delta.Patching;
using Mist.Delta.Patching.Small;

namespace Mist.Delta.Tests.Patching;

public sealed class PropertyTests
{
    // Pairs built as edits of one another, as real versions are, plus unrelated pairs.
    private static readonly Gen<(byte[] Base, byte[] Target)> Pairs =
        Gen.Frequency(
            (3, from data in Gen.Byte.Array[0, 3000]
                from edits in Gen.Int[0, 30]
                from seed in Gen.Int
                select (data, TestData.Edit(data, seed, edits))),
            (1, from a in Gen.Byte.Array[0, 2000]
                from b in Gen.Byte.Array[0, 2000]
                select (a, b)),
            (1, from a in Gen.Byte[0, 3].Array[0, 3000]
                from b in Gen.Byte[0, 3].Array[0, 3000]
                select (a, b)));

    [Theory]
    [InlineData(DeltaMode.Small)]
    [InlineData(DeltaMode.Fast)]
    [InlineData(DeltaMode.Auto)]
    public void Any_pair_round_trips(DeltaMode mode)
    {
        var options = new DeltaOptions { Mode = mode, MaxDegreeOfParallelism = 1 };

        Pairs.Sample(
            pair => PatchRoundTrip.Run(pair.Base, pair.Target, options).ShouldBe(pair.Target),
            iter: 150);
    }

    [Fact]
    public void Any_pair_round_trips_through_the_branch_transform()
    {
        var options = new DeltaOptions { Mode = DeltaMode.Small, BranchTransform = true };
        byte[] alphabet = [0xE8, 0x00, 0xFF, 0x12];
        var calls = Gen.Int[0, 3].Select(i => alphabet[i]);

        Gen.Select(calls.Array[0, 3000], Gen.Int, Gen.Int[0, 20]).Sample(
            (data, seed, edits) =>
            {
                var target = TestData.Edit(data, seed, edits);
                PatchRoundTrip.Run(data, target, options).ShouldBe(target);
            },
            iter: 100);
    }

    [Fact]
    public void Any_segmented_pair_round_trips()
    {
        var options = new DeltaOptions
        {
            MaxIndexMemoryBytes = SuffixArray.BytesPerIndexedByte << 16,
            MaxFastWindowBytes = 1 << 16,
            AutoTryBothBelowBytes = 0,
        };

        Gen.Select(Gen.Int[100_000, 300_000], Gen.Int, Gen.Int[0, 50]).Sample(
            (length, seed, edits) =>
            {
                var data = TestData.CodeLike(length, seed);
                var target = TestData.Edit(data, seed + 1, edits);
                PatchRoundTrip.Run(data, target, options).ShouldBe(target);
            },
            iter: 6);
    }
}
