using Mist.Delta.Patching;

namespace Mist.Delta.Tests.Patching;

public sealed class RoundTripTests
{
    public static TheoryData<DeltaMode> Modes => [DeltaMode.Small, DeltaMode.Fast, DeltaMode.Auto];

    private static readonly byte[] Code = TestData.CodeLike(200_000, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Empty_base_to_something_round_trips(DeltaMode mode) =>
        Check([], Code, mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Something_to_empty_target_round_trips(DeltaMode mode) =>
        Check(Code, [], mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Empty_to_empty_round_trips(DeltaMode mode) => Check([], [], mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Identical_files_give_a_tiny_patch(DeltaMode mode)
    {
        var patch = Check(Code, Code, mode);

        patch.Length.ShouldBeLessThan(200);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Target_shorter_than_base_round_trips(DeltaMode mode) =>
        Check(Code, Code[1000..90_000], mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Unrelated_files_round_trip(DeltaMode mode) =>
        Check(TestData.CodeLike(50_000, 7), TestData.Random(60_000, 8), mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Highly_repetitive_files_round_trip(DeltaMode mode)
    {
        var baseData = new byte[300_000];
        var target = new byte[310_000];
        Array.Fill(target, (byte)0x90);
        target[150_000] = 1;

        Check(baseData, target, mode);
        Check(target, baseData, mode);
        Check(
            Enumerable.Repeat("abcab"u8.ToArray(), 50_000).SelectMany(b => b).ToArray(),
            target,
            mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Random_bytes_round_trip(DeltaMode mode) =>
        Check(TestData.Random(100_000, 3), TestData.Random(100_000, 4), mode);

    [Theory]
    [MemberData(nameof(Modes))]
    public void One_byte_changed_at_start_middle_or_end_gives_a_small_patch(DeltaMode mode)
    {
        foreach (var at in new[] { 0, Code.Length / 2, Code.Length - 1 })
        {
            var target = (byte[])Code.Clone();
            target[at] ^= 0x5A;

            var patch = Check(Code, target, mode);

            patch.Length.ShouldBeLessThan(300);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Insertion_that_shifts_everything_gives_a_small_patch(DeltaMode mode)
    {
        byte[] target = [.. "inserted at the very start"u8, .. Code];

        var patch = Check(Code, target, mode);

        patch.Length.ShouldBeLessThan(300);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Scattered_edits_round_trip(DeltaMode mode) =>
        Check(Code, TestData.Edit(Code, 11, 200), mode);

    [Fact]
    public void Executable_with_moved_calls_round_trips_with_the_branch_transform()
    {
        var baseData = TestData.CodeLike(300_000, 5);
        baseData[0] = 0x7F;
        "ELF"u8.CopyTo(baseData.AsSpan(1));
        for (var i = 100; i < baseData.Length - 8; i += 37)
        {
            baseData[i] = 0xE8;
            baseData[i + 4] = (byte)(i % 2 == 0 ? 0x00 : 0xFF);
        }

        byte[] target = [.. baseData[..5000], .. TestData.Random(333, 9), .. baseData[5000..]];

        Check(baseData, target, DeltaMode.Small);
        Check(baseData, target, DeltaMode.Fast);
        Check(baseData, target, DeltaMode.Small, new DeltaOptions { BranchTransform = false });
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Files_above_the_index_bound_are_diffed_in_segments(DeltaMode mode)
    {
        // A 1 MiB index bound makes a window of 128 KiB, so these files need segments.
        var options = new DeltaOptions
        {
            MaxIndexMemoryBytes = 1 << 20,
            MaxFastWindowBytes = 1 << 18,
            AutoTryBothBelowBytes = 0,
        };
        var baseData = TestData.CodeLike(1_000_000, 21);
        byte[] target = [.. TestData.Random(70_000, 22), .. TestData.Edit(baseData, 23, 50)];

        var patch = Check(baseData, target, mode, options);

        var info = DeltaDecoder.ReadInfo(new MemoryStream(patch));
        info.Segments.Count.ShouldBeGreaterThan(1);
        patch.Length.ShouldBeLessThan(target.Length / 4);
    }

    private static byte[] Check(
        byte[] baseData, byte[] target, DeltaMode mode, DeltaOptions? options = null)
    {
        options = (options ?? new DeltaOptions()) with { Mode = mode };

        var patch = PatchRoundTrip.Encode(baseData, target, options);
        var result = PatchRoundTrip.Apply(baseData, patch);

        result.ShouldBe(target);
        return patch;
    }
}
