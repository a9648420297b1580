using System.Net.Http.Json;
using Mist.Api.Catalog;
using Mist.Api.Operations;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Projections;

public sealed class ProjectionsCommandTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Rebuild_on_a_running_server_keeps_the_catalog_serving()
    {
        var token = await server.TokenForAsync(Roles.Admin);
        using var client = server.CreateClient(token);
        using var created = await client.PostAsJsonAsync(
            "/api/admin/games", new { slug = "kept", name = "Kept" });
        created.EnsureSuccessStatusCode();
        await Eventually.GetAsync(
            () => client.GetFromJsonAsync<GameSummaryResponse[]>("/api/games"),
            games => games.Any(g => g.Slug == "kept"),
            TimeSpan.FromSeconds(30),
            "the game in the catalog");

        var exitCode = await ProjectionsCommand.RunAsync(
            server.Services, ["rebuild"], CancellationToken.None);

        exitCode.ShouldBe(0);
        var games = await client.GetFromJsonAsync<GameSummaryResponse[]>("/api/games");
        games.ShouldNotBeNull().Single(g => g.Slug == "kept").Name.ShouldBe("Kept");
    }

    [Fact]
    public async Task Unknown_subcommand_prints_usage_and_fails()
    {
        var exitCode = await ProjectionsCommand.RunAsync(
            server.Services, ["replay"], CancellationToken.None);

        exitCode.ShouldBe(2);
    }
}
