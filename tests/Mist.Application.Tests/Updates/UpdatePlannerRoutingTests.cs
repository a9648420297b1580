using Mist.Application.Updates;
using Mist.Domain.Versions;
using static Mist.Application.Tests.Updates.Facts;

namespace Mist.Application.Tests.Updates;

public sealed class UpdatePlannerRoutingTests
{
    // Each version replaces most chunks, so chunk plans are dear and patches decide.
    private static readonly VersionFacts V1 = Published("1", 1, "abcde");
    private static readonly VersionFacts V2 = Published("2", 2, "fghij");
    private static readonly VersionFacts V3 = Published("3", 3, "klmno");
    private static readonly VersionFacts[] Versions = [V1, V2, V3];

    [Fact]
    public void Direct_patch_given_it_downloads_less_than_the_chain()
    {
        PatchFacts[] patches = [Patch("1", "2", 100), Patch("2", "3", 100), Patch("1", "3", 150)];

        var plan = UpdatePlanner.Plan(Versions, patches, Installed(V1), UpdateTarget.Pinned("3"));

        plan.Kind.ShouldBe(UpdatePlanKind.PatchChain);
        Route(plan).ShouldBe(["1>3"]);
        plan.DownloadBytes.ShouldBe(150);
    }

    [Fact]
    public void Patch_chain_given_it_downloads_less_than_the_direct_patch()
    {
        PatchFacts[] patches =
        [
            Patch("1", "2", 100, written: 1000, peak: 700),
            Patch("2", "3", 100, written: 2000, peak: 900),
            Patch("1", "3", 250),
        ];

        var plan = UpdatePlanner.Plan(Versions, patches, Installed(V1), UpdateTarget.Pinned("3"));

        Route(plan).ShouldBe(["1>2", "2>3"]);
        plan.DownloadBytes.ShouldBe(200);
        plan.BytesWritten.ShouldBe(3000);
        plan.PeakExtraBytes.ShouldBe(900);
        plan.TargetManifestHash.ShouldBe("m-3");
    }

    [Fact]
    public void Chunks_given_few_chunks_changed_and_a_larger_patch()
    {
        var old = Published("1", 1, "abcde");
        var next = Published("2", 2, "abcdf");

        var plan = UpdatePlanner.Plan(
            [old, next], [Patch("1", "2", 300)], Installed(old), UpdateTarget.Pinned("2"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["f"]);
        plan.DownloadBytes.ShouldBe(ManifestBytes + ChunkStored);
        plan.BytesWritten.ShouldBe(ChunkRaw);
        plan.Patches.ShouldBeEmpty();
    }

    [Fact]
    public void Patch_given_it_downloads_less_than_the_missing_chunks()
    {
        var old = Published("1", 1, "abcde");
        var next = Published("2", 2, "abcfg");

        var plan = UpdatePlanner.Plan(
            [old, next], [Patch("1", "2", 60)], Installed(old), UpdateTarget.Pinned("2"));

        plan.Kind.ShouldBe(UpdatePlanKind.PatchChain);
        Route(plan).ShouldBe(["1>2"]);
        plan.Chunks.ShouldBeEmpty();
    }

    [Fact]
    public void Withdrawn_intermediate_is_skipped_given_a_dearer_direct_patch()
    {
        var withdrawn = Version("2", 2, "fghij", VersionStatus.Withdrawn);
        PatchFacts[] patches = [Patch("1", "2", 10), Patch("2", "3", 10), Patch("1", "3", 400)];

        var plan = UpdatePlanner.Plan(
            [V1, withdrawn, V3], patches, Installed(V1), UpdateTarget.Pinned("3"));

        Route(plan).ShouldBe(["1>3"]);
    }

    [Fact]
    public void Chunks_given_the_only_chain_runs_through_a_withdrawn_version()
    {
        var withdrawn = Version("2", 2, "fghij", VersionStatus.Withdrawn);

        var plan = UpdatePlanner.Plan(
            [V1, withdrawn, V3],
            [Patch("1", "2", 10), Patch("2", "3", 10)],
            Installed(V1),
            UpdateTarget.Pinned("3"));

        plan.Kind.ShouldBe(UpdatePlanKind.Full);
        plan.Chunks.Count.ShouldBe(5);
    }

    [Fact]
    public void Patch_given_the_installed_version_was_withdrawn_since()
    {
        var withdrawn = Version("1", 1, "abcde", VersionStatus.Withdrawn);

        var plan = UpdatePlanner.Plan(
            [withdrawn, V2], [Patch("1", "2", 50)], Installed(withdrawn), UpdateTarget.Pinned("2"));

        Route(plan).ShouldBe(["1>2"]);
    }

    [Fact]
    public void Chunks_given_a_pinned_label_older_than_the_installed_one()
    {
        var old = Published("1", 1, "abcde");
        var next = Published("2", 2, "abcfg");

        var plan = UpdatePlanner.Plan(
            [old, next], [Patch("1", "2", 20)], Installed(next), UpdateTarget.Pinned("1"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.FromLabel.ShouldBe("2");
        plan.TargetLabel.ShouldBe("1");
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["d", "e"]);
    }

    [Fact]
    public void Chunks_given_the_install_lacks_some_of_its_own_chunks()
    {
        var old = Published("1", 1, "abcde");
        var next = Published("2", 2, "abcdf");

        // The patch is cheaper but needs every base file intact; "b" failed verification.
        var plan = UpdatePlanner.Plan(
            [old, next], [Patch("1", "2", 5)], Holding("1", "acde"), UpdateTarget.Pinned("2"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
        plan.Chunks.Select(c => c.Sha256).ShouldBe(["b", "f"]);
    }

    [Fact]
    public void Peak_extra_space_of_a_chain_is_its_largest_step()
    {
        PatchFacts[] patches =
        [
            Patch("1", "2", 100, peak: 5000),
            Patch("2", "3", 100, peak: 300),
        ];

        var plan = UpdatePlanner.Plan(Versions, patches, Installed(V1), UpdateTarget.Pinned("3"));

        plan.PeakExtraBytes.ShouldBe(5000);
    }
}
