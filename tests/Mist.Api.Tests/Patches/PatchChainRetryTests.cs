using Mist.Api.Tests.Support;
using Mist.Domain.Patches;

namespace Mist.Api.Tests.Patches;

/// <summary>A pair whose base is missing from storage fails, then succeeds once it is back.
/// </summary>
public sealed class PatchChainRetryTests(PatchChainFixture server)
    : IClassFixture<PatchChainFixture>
{
    private readonly PatchScenario _game = new(server, "retry");

    [Fact]
    public async Task Failed_pair_is_retried_and_completes_once_storage_is_restored()
    {
        var game = PatchScenario.Noise(20, 200_000);
        var edited = game.ToArray();
        edited.AsSpan(1000, 100).Clear();
        var v1 = await _game.IngestAsync("2.0", new Dictionary<string, byte[]>
        {
            ["bin/game"] = game,
        });
        await _game.IngestAsync("2.1", new Dictionary<string, byte[]>
        {
            ["bin/game"] = edited,
        });
        await _game.PublishAsync("2.0");
        await _game.ChainAsync("2.0");
        var restore = _game.HideBlob(
            v1.Entries.Single(e => e.Path == "bin/game").ChunkList[0].Sha256);

        await _game.PublishAsync("2.1");
        var failed = await Eventually.GetAsync(
            async () => (await _game.PatchEventsAsync("2.0", "2.1")).OfType<PatchFailed>()
                .FirstOrDefault(),
            _ => true, TimeSpan.FromSeconds(60), "the first failure");
        restore();
        var chain = await _game.ChainAsync("2.1");

        failed.Attempt.ShouldBe(1);
        failed.Reason.ShouldContain("not in storage");
        chain.Completed.ShouldBe(["2.0"]);
        chain.Failed.ShouldBeEmpty();
        var completed = (await _game.PatchEventsAsync("2.0", "2.1"))
            .OfType<PatchCompleted>().ShouldHaveSingleItem();
        completed.Attempt.ShouldBeGreaterThan(1);
    }
}
