using Mist.Application.Updates;
using static Mist.Application.Tests.Updates.Facts;

namespace Mist.Application.Tests.Updates;

public sealed class UpdatePlannerTieTests
{
    private static readonly VersionFacts V1 = Published("1", 1, "abcde");
    private static readonly VersionFacts V2 = Published("2", 2, "fghij");
    private static readonly VersionFacts V3 = Published("3", 3, "klmno");
    private static readonly VersionFacts[] Versions = [V1, V2, V3];

    [Fact]
    public void Direct_patch_given_it_downloads_as_much_as_the_chain()
    {
        // The direct patch writes more, so only the step count can pick it.
        PatchFacts[] patches =
        [
            Patch("1", "2", 100, written: 400),
            Patch("2", "3", 100, written: 400),
            Patch("1", "3", 200, written: 1000),
        ];

        var plan = UpdatePlanner.Plan(Versions, patches, Installed(V1), UpdateTarget.Pinned("3"));

        Route(plan).ShouldBe(["1>3"]);
    }

    [Fact]
    public void Fewer_bytes_written_given_equal_download_and_steps()
    {
        PatchFacts[] patches =
        [
            Patch("1", "2", 100, written: 900),
            Patch("1", "2", 100, written: 300),
        ];

        var plan = UpdatePlanner.Plan(Versions, patches, Installed(V1), UpdateTarget.Pinned("2"));

        plan.BytesWritten.ShouldBe(300);
    }

    [Fact]
    public void Chunks_given_a_patch_that_costs_exactly_the_same()
    {
        var old = Published("1", 1, "abcde");
        var next = Published("2", 2, "abcdf");
        var patch = Patch("1", "2", ManifestBytes + ChunkStored, written: ChunkRaw);

        var plan = UpdatePlanner.Plan(
            [old, next], [patch], Installed(old), UpdateTarget.Pinned("2"));

        plan.Kind.ShouldBe(UpdatePlanKind.Chunks);
    }

    [Fact]
    public void Same_route_given_patches_listed_in_any_order()
    {
        var v4 = Published("4", 4, "pqrst");
        PatchFacts[] patches =
        [
            Patch("1", "2", 100), Patch("2", "4", 100),
            Patch("1", "3", 100), Patch("3", "4", 100),
        ];

        var forward = UpdatePlanner.Plan(
            [.. Versions, v4], patches, Installed(V1), UpdateTarget.Pinned("4"));
        var backward = UpdatePlanner.Plan(
            [.. Versions, v4], [.. patches.Reverse()], Installed(V1), UpdateTarget.Pinned("4"));

        Route(forward).ShouldBe(["1>2", "2>4"]);
        Route(backward).ShouldBe(Route(forward));
    }
}
