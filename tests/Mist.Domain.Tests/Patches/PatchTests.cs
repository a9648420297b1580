using Mist.Domain.Patches;

namespace Mist.Domain.Tests.Patches;

public sealed class PatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly PatchRequested Requested =
        new("g", "1.0", "2.0", "base", "target", Now);

    private static readonly PatchCompleted Completed = new(
        "g", "1.0", "2.0", "patch", 1000, 5000, 300, 1, TimeSpan.FromSeconds(2), Now);

    [Fact]
    public void Complete_given_a_requested_patch_records_it()
    {
        var patch = Patch.Fold([Requested]);

        patch.Complete(Completed).ShouldBe(Completed);
    }

    [Fact]
    public void Complete_given_a_completed_patch_records_nothing()
    {
        var patch = Patch.Fold([Requested, Completed]);

        patch.Complete(Completed with { Attempt = 2 }).ShouldBeNull();
    }

    [Fact]
    public void Fail_given_a_completed_patch_records_nothing()
    {
        var patch = Patch.Fold([Requested, Completed]);

        patch.Fail("late failure", 2, Now).ShouldBeNull();
    }

    [Fact]
    public void Fail_given_earlier_failures_counts_them()
    {
        var patch = Patch.Fold([
            Requested,
            new PatchFailed("g", "1.0", "2.0", "disk", 1, Now),
            new PatchFailed("g", "1.0", "2.0", "disk", 2, Now),
        ]);

        patch.Failures.ShouldBe(2);
        patch.Status.ShouldBe(PatchStatus.Failed);
        patch.Complete(Completed with { Attempt = 3 }).ShouldNotBeNull();
    }

    [Fact]
    public void Skip_given_a_skipped_patch_records_nothing()
    {
        var patch = Patch.Fold([Requested, new PatchSkipped("g", "1.0", "2.0", 10, 9, Now)]);

        patch.IsSettled.ShouldBeTrue();
        patch.Skip(10, 9, Now).ShouldBeNull();
    }

    [Fact]
    public void StreamKey_names_game_and_both_labels()
    {
        Patch.StreamKey("g", "1.0", "2.0").ShouldBe("patch:g:1.0:2.0");
    }

    [Theory]
    [InlineData(1, "1.3")]
    [InlineData(2, "1.3,1.2")]
    [InlineData(10, "1.3,1.2,1.1,1.0")]
    public void BasesFor_takes_the_previous_version_then_older_ones(int directCount, string bases)
    {
        var chosen = PatchPairs.BasesFor(["1.0", "1.1", "1.2", "1.3"], directCount);

        string.Join(",", chosen).ShouldBe(bases);
    }

    [Fact]
    public void BasesFor_given_no_earlier_version_chooses_none()
    {
        PatchPairs.BasesFor([], 3).ShouldBeEmpty();
    }
}
