using Mist.Api.Tests.EndToEnd;
using Mist.Api.Tests.Patches;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Messaging;

/// <summary>
/// With RabbitMQ as the transport, as on several nodes: builds are ingested and patch chains
/// run with their work going through the broker's queues.
/// </summary>
public sealed class RabbitMqTransportTests(RabbitMqFixture server)
    : IClassFixture<RabbitMqFixture>
{
    private const string Game = "rabbit";

    [Fact]
    public async Task Builds_are_ingested_and_patches_built_through_rabbitmq()
    {
        var admin = new AdminSession(server.CreateClient(await server.TokenForAsync(Roles.Admin)));
        var world = PatchScenario.Noise(1, 500_000);
        var edited = world.ToArray();
        PatchScenario.Noise(2, 300).CopyTo(edited, 200_000);
        await admin.Api.AddGameAsync(Game, "Rabbit", default);

        await admin.ImportAsync(Game, "1.0", Write("1.0", world));
        await admin.ImportAsync(Game, "1.1", Write("1.1", edited));
        await admin.PublishAsync(Game, "1.0");
        await admin.PublishAsync(Game, "1.1");
        var chain = await admin.ChainAsync(Game, "1.1");

        chain.Patches.Select(p => (p.From, p.Status)).ShouldBe([("1.0", "completed")]);
        chain.Patches[0].DownloadBytes.ShouldBeLessThan(world.Length / 10);
        await Eventually.GetAsync(
            async () => (long?)await server.Broker.PublishedToAsync("mist-ingest"),
            published => published >= 2, TimeSpan.FromSeconds(30), "ingest messages in RabbitMQ");
        await Eventually.GetAsync(
            async () => (long?)await server.Broker.PublishedToAsync("mist-patches"),
            published => published >= 1, TimeSpan.FromSeconds(30), "patch messages in RabbitMQ");
    }

    private string Write(string label, byte[] world)
    {
        var root = Path.Combine(server.ImportRoot, Game, label);
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "world.pak"), world);
        return root;
    }
}
