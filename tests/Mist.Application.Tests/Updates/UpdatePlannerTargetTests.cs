using Mist.Application.Updates;
using Mist.Domain.Common;
using Mist.Domain.Versions;
using static Mist.Application.Tests.Updates.Facts;

namespace Mist.Application.Tests.Updates;

public sealed class UpdatePlannerTargetTests
{
    private static readonly VersionFacts V1 = Published("1", 1, "abcde");
    private static readonly VersionFacts V2 = Published("2", 2, "abcfg");

    [Fact]
    public void Up_to_date_given_the_installed_version_is_the_target()
    {
        var plan = UpdatePlanner.Plan(
            [V1, V2], [Patch("2", "1", 5)], Installed(V2), UpdateTarget.LatestOn("main"));

        plan.Kind.ShouldBe(UpdatePlanKind.UpToDate);
        plan.DownloadBytes.ShouldBe(0);
        plan.Patches.ShouldBeEmpty();
        plan.Chunks.ShouldBeEmpty();
    }

    [Fact]
    public void Chunks_given_the_installed_target_lacks_a_chunk()
    {
        var plan = UpdatePlanner.Plan(
            [V1, V2], [], Holding("2", "abcf"), UpdateTarget.LatestOn("main"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["g"]);
    }

    [Fact]
    public void Chunks_given_an_installed_label_the_game_does_not_know()
    {
        // The patch's base cannot be checked against facts the planner does not have.
        var plan = UpdatePlanner.Plan(
            [V2], [Patch("0.9", "2", 5)], Holding("0.9", "abc"), UpdateTarget.Pinned("2"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.FromLabel.ShouldBe("0.9");
    }

    [Fact]
    public void Full_download_given_a_fresh_install()
    {
        // "c" appears twice: it is downloaded once but written twice.
        var target = Published("1", 1, "abcc");

        var plan = UpdatePlanner.Plan(
            [target], [], ClientState.Fresh, UpdateTarget.LatestOn("main"));

        plan.Kind.ShouldBe(UpdatePlanKind.Full);
        plan.FromLabel.ShouldBeNull();
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["a", "b", "c"]);
        plan.DownloadBytes.ShouldBe(ManifestBytes + 3 * ChunkStored);
        plan.BytesWritten.ShouldBe(4 * ChunkRaw);
        plan.PeakExtraBytes.ShouldBe(0);
    }

    [Fact]
    public void Chunks_given_an_unnamed_install_that_holds_some_chunks()
    {
        var plan = UpdatePlanner.Plan(
            [V1, V2], [], Holding(null, "abc"), UpdateTarget.LatestOn("main"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["f", "g"]);
        plan.PeakExtraBytes.ShouldBe(2 * ChunkRaw);
    }

    [Fact]
    public void Latest_on_branch_given_newer_versions_on_other_branches_or_withdrawn()
    {
        VersionFacts[] versions =
        [
            V1,
            V2,
            Published("3-beta", 3, "xyz", branch: "beta"),
            Version("4", 4, "uvw", VersionStatus.Withdrawn),
            Version("5", 5, "rst", VersionStatus.Ingested, branch: null),
        ];

        var plan = UpdatePlanner.Plan(
            versions, [], ClientState.Fresh, UpdateTarget.LatestOn("main"));

        plan.TargetLabel.ShouldBe("2");
    }

    [Fact]
    public void Refused_given_a_withdrawn_pinned_target()
    {
        var withdrawn = Version("3", 3, "xyz", VersionStatus.Withdrawn);

        var refusal = Should.Throw<DomainException>(() => UpdatePlanner.Plan(
            [V1, V2, withdrawn], [Patch("2", "3", 5)], Installed(V2), UpdateTarget.Pinned("3")));

        refusal.Kind.ShouldBe(DomainErrorKind.Conflict);
    }

    [Fact]
    public void Not_found_given_an_unknown_pinned_label()
    {
        var refusal = Should.Throw<DomainException>(() => UpdatePlanner.Plan(
            [V1, V2], [], Installed(V1), UpdateTarget.Pinned("9.9")));

        refusal.Kind.ShouldBe(DomainErrorKind.NotFound);
        refusal.Message.ShouldContain("9.9");
    }

    [Fact]
    public void Not_found_given_a_branch_with_nothing_published()
    {
        var refusal = Should.Throw<DomainException>(() => UpdatePlanner.Plan(
            [V1, V2], [], ClientState.Fresh, UpdateTarget.LatestOn("beta")));

        refusal.Kind.ShouldBe(DomainErrorKind.NotFound);
    }

    [Fact]
    public void Invalid_given_a_target_that_names_both_branch_and_label()
    {
        var refusal = Should.Throw<DomainException>(() => UpdatePlanner.Plan(
            [V1, V2], [], ClientState.Fresh, new UpdateTarget("main", "1")));

        refusal.Kind.ShouldBe(DomainErrorKind.Invalid);
    }
}
