using System.Runtime.CompilerServices;
using Mist.Client.Http;
using Mist.Client.Update;
using Mist.Client.Tests.Support;
using Mist.Delta.Updates;

namespace Mist.Client.Tests.Update;

/// <summary>
/// A patch step that fails its checks is refused before the tree is touched, and the update
/// reaches the target by chunks instead.
/// </summary>
public sealed class PatchRefusalTests : IDisposable
{
    private readonly UpdateScenario _s = new();
    private readonly StrongBox<int> _swapChanges = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Corrupted_payload_on_the_server_is_refused_and_chunks_take_over()
    {
        var patch = await PrepareAsync();
        _s.Server.Corrupt(patch.PayloadKeys.Single());

        var result = await UpdateAsync();

        result.FellBackToChunks.ShouldBeTrue();
        result.Refusals.ShouldHaveSingleItem().ShouldContain("1 to 2");
        result.Steps.ShouldBe(1);
        _swapChanges.Value.ShouldBe(0);
        _s.ShouldHold("2");
        (await _s.InstalledAsync()).Label.ShouldBe("2");
    }

    [Fact]
    public async Task Base_file_modified_locally_is_refused_and_restored_by_chunks()
    {
        await PrepareAsync();
        var game = Path.Combine(_s.Install, "game.pak");
        var bytes = File.ReadAllBytes(game);
        bytes[5] ^= 1;
        File.WriteAllBytes(game, bytes);

        var result = await UpdateAsync();

        result.FellBackToChunks.ShouldBeTrue();
        result.Refusals.Single().ShouldContain("game.pak");
        _swapChanges.Value.ShouldBe(0);
        _s.ShouldHold("2");
    }

    [Fact]
    public async Task Damaged_patch_manifest_is_refused_and_chunks_take_over()
    {
        await PrepareAsync();
        File.WriteAllBytes(_s.Server.BlobPath(_s.PatchHash("1", "2")), [1, 2, 3]);

        var result = await UpdateAsync();

        result.FellBackToChunks.ShouldBeTrue();
        result.Refusals.Single().ShouldContain("damaged");
        _s.ShouldHold("2");
    }

    [Fact]
    public async Task Patch_for_another_base_is_refused_without_fetching_its_blobs()
    {
        var patch = await PrepareAsync();
        _s.Write("0", "game.pak", "an older build"u8.ToArray());
        await _s.PublishAsync("0");
        await _s.BuildPatchAsync("0", "2");
        _s.Server.Plan = (from, _) => new UpdatePlanResponse(
            UpdatePlanKind.PatchChain, from, "2", _s.ManifestHash("2"),
            [new PlannedPatch("1", "2", _s.PatchHash("0", "2"), 0, 0, 0)], [], 0, 0, 0);

        var result = await UpdateAsync();

        result.Refusals.Single().ShouldContain("is for manifest");
        _s.Server.Fetched.ShouldNotContain(patch.PayloadKeys.Single());
        _s.ShouldHold("2");
    }

    [Fact]
    public async Task Chain_refused_at_its_second_patch_keeps_the_first_and_ends_by_chunks()
    {
        await PrepareAsync();
        _s.CopyVersion("2", "3");
        var bytes = File.ReadAllBytes(Path.Combine(_s.Folder("2"), "game.pak"));
        bytes.AsSpan(10_000, 32).Fill(4);
        _s.Write("3", "game.pak", bytes);
        await _s.PublishAsync("3");
        var second = await _s.BuildPatchAsync("2", "3");
        _s.Server.Corrupt(second.PayloadKeys.Single());
        _s.PlanChain("1", "2", "3");
        var labels = new List<string?>();

        var result = await _s.UpdateAsync(() => labels.Add(_s.RecordedLabel()));

        labels.ShouldContain("2");
        result.Refusals.ShouldHaveSingleItem().ShouldStartWith("2 to 3");
        result.Steps.ShouldBe(2);
        result.ToLabel.ShouldBe("3");
        _s.ShouldHold("3");
    }

    private Task<UpdateResult> UpdateAsync() =>
        _s.UpdateAsync(SimulatedCrash.Never(_swapChanges));

    private async Task<VersionPatch> PrepareAsync()
    {
        var bytes = UpdateScenario.Random(150_000, 21);
        _s.Write("1", "game.pak", bytes);
        _s.Write("1", "same.txt", "unchanged"u8.ToArray());
        bytes.AsSpan(70_000, 32).Fill(3);
        _s.Write("2", "game.pak", bytes);
        _s.Write("2", "same.txt", "unchanged"u8.ToArray());
        await _s.PublishAsync("1");
        await _s.PublishAsync("2");
        var patch = await _s.BuildPatchAsync("1", "2");
        patch.PayloadKeys.ShouldHaveSingleItem();
        await _s.InstallAsync("1");
        _s.PlanChain("1", "2");
        return patch;
    }
}
