using Marten;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Tests.Support;
using Mist.Application.Contracts;
using Mist.Domain.Common;
using Mist.Domain.Patches;
using Mist.Domain.Versions;
using Mist.Handlers.Patches;
using Wolverine;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// Chains whose pairs failed once and wait ten minutes for a retry: what the saga does with
/// reports that come out of order, twice, stale or late, and with its timeout.
/// </summary>
public sealed class StuckPatchChainTests(StuckChainFixture server)
    : IClassFixture<StuckChainFixture>
{
    [Fact]
    public async Task Reports_out_of_order_and_twice_close_the_chain_once()
    {
        var game = new PatchScenario(server, "order");
        var restore = await PublishStuckAsync(game, ["3.0", "3.1"], "3.2", seed: 300);
        await using var scope = server.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var id = PatchChain.IdFor(game.Slug, "3.2");

        await bus.InvokeAsync(new PatchSettled(id, "3.0", 2, PatchOutcome.Completed, null));
        await bus.InvokeAsync(new PatchSettled(id, "3.0", 2, PatchOutcome.Completed, null));
        await bus.InvokeAsync(new PatchSettled(id, "3.1", 1, PatchOutcome.Failed, "stale"));
        var open = await ChainEventsAsync(game, "3.2");
        await bus.InvokeAsync(new PatchSettled(id, "3.1", 2, PatchOutcome.Skipped, null));
        var closed = await ChainEventsAsync(game, "3.2");
        restore();

        open.ShouldBeEmpty();
        var chain = closed.ShouldHaveSingleItem();
        chain.Completed.ShouldBe(["3.0"]);
        chain.Skipped.ShouldBe(["3.1"]);
        chain.Failed.ShouldBeEmpty();
        chain.TimedOut.ShouldBeFalse();
        (await LoadSagaAsync(id)).ShouldBeNull();
    }

    [Fact]
    public async Task Timeout_closes_a_stuck_chain_and_late_reports_are_harmless()
    {
        var game = new PatchScenario(server, "stuck");
        var restore = await PublishStuckAsync(game, ["4.0"], "4.1", seed: 400);
        await using var scope = server.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var id = PatchChain.IdFor(game.Slug, "4.1");

        var chain = await game.ChainAsync("4.1", StuckChainFixture.Timeout * 4);
        await bus.InvokeAsync(new PatchSettled(id, "4.0", 2, PatchOutcome.Completed, null));
        await bus.InvokeAsync(new PatchChainTimedOut(id, TimeSpan.Zero));
        restore();

        chain.TimedOut.ShouldBeTrue();
        chain.Failed.ShouldBe(["4.0"]);
        chain.Completed.ShouldBeEmpty();
        (await ChainEventsAsync(game, "4.1")).Count.ShouldBe(1);
        (await LoadSagaAsync(id)).ShouldBeNull();
    }

    // Publishes the bases, hides a chunk of each so their pairs fail, publishes the target
    // and waits until the saga waits for the second attempt of every pair.
    private async Task<Action> PublishStuckAsync(
        PatchScenario game, IReadOnlyList<string> bases, string target, int seed)
    {
        var restores = new List<Action>();
        for (var i = 0; i < bases.Count; i++)
        {
            var manifest = await game.IngestAsync(bases[i], new Dictionary<string, byte[]>
            {
                ["bin/game"] = PatchScenario.Noise(seed + i, 100_000),
            });
            await game.PublishAsync(bases[i]);
            await game.ChainAsync(bases[i]);
            restores.Add(game.HideBlob(manifest.Entries.Single(e => e.Path == "bin/game")
                .ChunkList[0].Sha256));
        }

        await game.IngestAsync(target, new Dictionary<string, byte[]>
        {
            ["bin/game"] = PatchScenario.Noise(seed + 50, 100_000),
        });
        await game.PublishAsync(target);
        var id = PatchChain.IdFor(game.Slug, target);
        await Eventually.GetAsync(
            () => LoadSagaAsync(id),
            saga => saga.Pairs.Count == bases.Count && saga.Pairs.TrueForAll(p => p.Attempt == 2),
            TimeSpan.FromSeconds(60), "the first failure of every pair");
        return () => restores.ForEach(r => r());
    }

    private async Task<PatchChain?> LoadSagaAsync(string id)
    {
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        return await session.LoadAsync<PatchChain>(id);
    }

    private static async Task<IReadOnlyList<PatchChainCompleted>> ChainEventsAsync(
        PatchScenario game, string label) =>
        [.. (await game.EventsAsync(StreamKeys.Version(game.Slug, label)))
            .OfType<PatchChainCompleted>()];
}
