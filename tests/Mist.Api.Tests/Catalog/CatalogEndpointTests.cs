using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Catalog;
using Mist.Api.Tests.Support;
using Mist.Application.Builds;
using Mist.Application.Storage;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Versions;
using static Mist.Api.Tests.Projections.CatalogEvents;

namespace Mist.Api.Tests.Catalog;

/// <summary>
/// The catalog over HTTP on a real server. Game "saga" has 1.0 published on main and 1.1
/// ingested but not published; its events are appended straight to the log.
/// </summary>
public sealed class CatalogEndpointTests(ServerFixture server)
    : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private string _published = "";
    private string _unpublished = "";
    private string _playerToken = "";
    private string _adminToken = "";

    public async Task InitializeAsync()
    {
        var blobs = server.Services.GetRequiredService<IBlobStore>();
        _published = await blobs.PutManifestAsync(
            ManifestSerializer.Serialize(Manifest("saga-1.0")), CancellationToken.None);
        _unpublished = await blobs.PutManifestAsync(
            ManifestSerializer.Serialize(Manifest("saga-1.1")), CancellationToken.None);
        _playerToken = await server.TokenForAsync(Roles.Player);
        _adminToken = await server.TokenForAsync(Roles.Admin);

        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(StreamKeys.Game("saga")) is not null)
        {
            return;
        }

        session.Events.StartStream(StreamKeys.Game("saga"), Game("saga", "Saga"));
        session.Events.StartStream(StreamKeys.Version("saga", "1.0"),
            PublishedVersion("saga", "1.0", _published));
        session.Events.StartStream(StreamKeys.Version("saga", "1.1"),
            Requested("saga", "1.1", 20), new BuildIngestStarted("saga", "1.1", 1, At(21)),
            Ingested("saga", "1.1", _unpublished, 22));
        await session.SaveChangesAsync();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Games_list_names_the_latest_label_per_branch()
    {
        using var client = server.CreateClient(_playerToken);

        var games = await client.GetFromJsonAsync<GameSummaryResponse[]>("/api/games");

        var saga = games.ShouldNotBeNull().Single(g => g.Slug == "saga");
        saga.Name.ShouldBe("Saga");
        saga.Latest.ShouldBe(new Dictionary<string, string> { ["main"] = "1.0" });
    }

    [Fact]
    public async Task Game_shows_unpublished_versions_to_admins_only()
    {
        using var player = server.CreateClient(_playerToken);
        using var admin = server.CreateClient(_adminToken);

        var seen = await player.GetFromJsonAsync<GameResponse>("/api/games/saga");
        var all = await admin.GetFromJsonAsync<GameResponse>("/api/games/saga");

        var main = seen.ShouldNotBeNull().Branches.ShouldHaveSingleItem();
        main.Name.ShouldBe("main");
        main.Versions.ShouldHaveSingleItem().Status.ShouldBe("published");
        seen.Unpublished.ShouldBeEmpty();
        var unpublished = all.ShouldNotBeNull().Unpublished.ShouldHaveSingleItem();
        (unpublished.Label, unpublished.Status, unpublished.ManifestHash)
            .ShouldBe(("1.1", "ingested", _unpublished));
    }

    [Fact]
    public async Task Unknown_game_and_unpublished_version_are_problem_404s_for_players()
    {
        using var client = server.CreateClient(_playerToken);

        using var game = await client.GetAsync("/api/games/no-such-game");
        using var version = await client.GetAsync("/api/games/saga/versions/1.1");

        game.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        version.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await version.Content.ReadFromJsonAsync<ProblemDetails>();
        problem.ShouldNotBeNull().Status.ShouldBe(404);
    }

    [Fact]
    public async Task Version_summary_has_its_sizes_and_times()
    {
        using var client = server.CreateClient(_playerToken);

        var version = await client.GetFromJsonAsync<VersionSummaryResponse>(
            "/api/games/saga/versions/1.0");

        version.ShouldBe(new VersionSummaryResponse(
            "1.0", "published", "main", _published, 2, 30, 20, At(1), At(4)));
    }

    [Fact]
    public async Task Version_manifest_is_the_stored_bytes_with_the_hash_as_ETag()
    {
        using var client = server.CreateClient(_playerToken);

        using var response = await client.GetAsync("/api/games/saga/versions/1.0/manifest");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Headers.ETag!.Tag.ShouldBe($"\"{_published}\"");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(_published);
    }

    [Fact]
    public async Task Manifest_by_hash_is_served_only_for_versions_the_caller_may_see()
    {
        using var player = server.CreateClient(_playerToken);
        using var admin = server.CreateClient(_adminToken);

        using var published = await player.GetAsync($"/api/manifests/{_published}");
        using var hidden = await player.GetAsync($"/api/manifests/{_unpublished}");
        using var forAdmin = await admin.GetAsync($"/api/manifests/{_unpublished}");
        using var malformed = await player.GetAsync("/api/manifests/not-a-hash");

        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        forAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Build_status_shows_progress_and_is_for_admins_only()
    {
        await server.Services.GetRequiredService<IBuildProgress>().ReportAsync(
            "saga", "1.1", new BuildProgressSnapshot(1, 1, 2, 10, 30), CancellationToken.None);
        using var admin = server.CreateClient(_adminToken);
        using var player = server.CreateClient(_playerToken);
        using var anonymous = server.CreateClient(null);

        var build = await admin.GetFromJsonAsync<BuildStatusResponse>(
            "/api/admin/games/saga/versions/1.1/build");
        using var refused = await player.GetAsync("/api/admin/games/saga/versions/1.1/build");
        using var unknown = await anonymous.GetAsync("/api/games");

        build.ShouldBe(new BuildStatusResponse("ingested", 1, 2, 2, 30, 30, null));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Game_registered_through_the_API_reaches_the_catalog()
    {
        using var admin = server.CreateClient(_adminToken);

        using var created = await admin.PostAsJsonAsync(
            "/api/admin/games", new { slug = "fresh", name = "Fresh Game" });
        created.EnsureSuccessStatusCode();

        var game = await Eventually.GetAsync(
            async () => await GetOrNullAsync(admin, "/api/games/fresh"),
            g => g.Name == "Fresh Game",
            TimeSpan.FromSeconds(30),
            "the projection of GameRegistered");
        game.Branches.ShouldBeEmpty();
    }

    private static async Task<GameResponse?> GetOrNullAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.Content.ReadFromJsonAsync<GameResponse>();
    }
}
