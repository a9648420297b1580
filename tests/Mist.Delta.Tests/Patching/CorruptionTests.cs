using Mist.Delta.Patching;

namespace Mist.Delta.Tests.Patching;

/// <summary>
/// Every damaged patch must be refused with <see cref="PatchFormatException"/>: never another
/// exception, a hang, or a wrong file accepted.
/// </summary>
public sealed class CorruptionTests
{
    private static readonly byte[] Base = TestData.CodeLike(40_000, 31);
    private static readonly byte[] Target = TestData.Edit(Base, 32, 40);

    public static TheoryData<DeltaMode> Modes => [DeltaMode.Small, DeltaMode.Fast];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_single_bit_flip_is_refused_or_still_yields_the_target(DeltaMode mode)
    {
        var patch = Encode(mode);

        // Flips past the header land in compressed data, where zstd or the final hash must
        // catch them; stepping keeps the test quick while touching every region.
        for (var i = 0; i < patch.Length; i += i < 200 ? 1 : 7)
        {
            var damaged = (byte[])patch.Clone();
            damaged[i] ^= (byte)(1 << (i % 8));

            ShouldRefuseOrProduceTarget(damaged);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_truncation_is_refused(DeltaMode mode)
    {
        var patch = Encode(mode);

        for (var length = 0; length < patch.Length; length += length < 200 ? 1 : 13)
        {
            Should.Throw<PatchFormatException>(() => PatchRoundTrip.Apply(Base, patch[..length]));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Extended_patch_is_refused(DeltaMode mode)
    {
        var patch = Encode(mode);

        foreach (var extra in new byte[][] { [0], [1, 2, 3], patch })
        {
            var exception = Should.Throw<PatchFormatException>(
                () => PatchRoundTrip.Apply(Base, [.. patch, .. extra]));
            exception.Message.ShouldContain("after its end");
        }
    }

    [Fact]
    public void Patch_for_another_base_is_refused()
    {
        var patch = Encode(DeltaMode.Small);
        var otherBase = (byte[])Base.Clone();
        otherBase[100] ^= 1;

        var exception = Should.Throw<PatchFormatException>(
            () => PatchRoundTrip.Apply(otherBase, patch));

        exception.Message.ShouldContain("another base");
    }

    [Fact]
    public void Base_of_the_wrong_size_is_refused()
    {
        var patch = Encode(DeltaMode.Small);

        var exception = Should.Throw<PatchFormatException>(
            () => PatchRoundTrip.Apply(Base[..^1], patch));

        exception.Message.ShouldContain("base of");
    }

    [Fact]
    public void Data_that_is_not_a_patch_is_refused()
    {
        Should.Throw<PatchFormatException>(() => PatchRoundTrip.Apply(Base, []))
            .Message.ShouldContain("truncated");
        Should.Throw<PatchFormatException>(() => PatchRoundTrip.Apply(Base, Base))
            .Message.ShouldContain("magic");
    }

    [Fact]
    public void Huge_declared_sizes_are_refused_without_allocating()
    {
        // A header that claims an exabyte target and a segment count to match must fail on
        // the checks, not on an allocation.
        var info = new PatchInfo(
            1, DeltaMode.Fast, false, Base.Length,
            System.Security.Cryptography.SHA256.HashData(Base),
            long.MaxValue / 2, new byte[32], [], 0);
        var header = PatchLayout.WriteHeader(info with { Segments = [] });

        Should.Throw<PatchFormatException>(() => PatchRoundTrip.Apply(Base, header));
    }

    private static byte[] Encode(DeltaMode mode) =>
        PatchRoundTrip.Encode(Base, Target, new DeltaOptions { Mode = mode });

    private static void ShouldRefuseOrProduceTarget(byte[] damaged)
    {
        try
        {
            PatchRoundTrip.Apply(Base, damaged).ShouldBe(Target);
        }
        catch (PatchFormatException)
        {
        }
    }
}
