using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Catalog;
using Mist.Api.Tests.Support;
using Mist.Api.Updates;
using Mist.Application.Versions.WithdrawVersion;
using Mist.Delta.Manifests;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// Update plans over HTTP. Game "plan" has 1.0, 1.1 and 1.2 on main, each a small edit of the
/// one before, with patches 1.0→1.1 and 1.1→1.2 only; game "planw" is the same with 1.1
/// withdrawn once its patches were made.
/// </summary>
public sealed class PlanEndpointTests(PlanFixture server)
    : IClassFixture<PlanFixture>, IAsyncLifetime
{
    private readonly PatchScenario _plan = new(server, "plan");
    private readonly PatchScenario _withdrawn = new(server, "planw");
    private string _player = "";
    private string _admin = "";

    public async Task InitializeAsync()
    {
        _player = await server.TokenForAsync(Roles.Player);
        _admin = await server.TokenForAsync(Roles.Admin);
        if (Directory.Exists(_plan.FolderOf("1.0")))
        {
            return;
        }

        await PublishThreeAsync(_plan, 50);
        await PublishThreeAsync(_withdrawn, 60);
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new WithdrawVersion("planw", "1.1", "broken"));
        using var player = server.CreateClient(_player);
        await Eventually.GetAsync(
            async () => (await player.GetAsync("/api/games/planw/versions/1.1")).StatusCode,
            status => status == HttpStatusCode.NotFound, TimeSpan.FromSeconds(30),
            "the withdrawal in the catalog");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_caller_gets_401()
    {
        using var anonymous = server.CreateClient(null);

        using var response = await anonymous.GetAsync("/api/games/plan/plan?from=1.0");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Skipped_versions_are_crossed_by_a_chain_of_patches()
    {
        using var client = server.CreateClient(_player);
        var chain = await ChainAsync(_plan.Slug, "1.1");

        var plan = await PlanAsync(client, "plan", "?from=1.0");
        using var raw = await client.GetAsync("/api/games/plan/plan?from=1.0");

        plan.Kind.ShouldBe("patchChain");
        (plan.FromLabel, plan.TargetLabel).ShouldBe(("1.0", "1.2"));
        plan.TargetManifestHash.ShouldBe(Hash(await _plan.ManifestAsync("1.2")));
        plan.Patches.Select(p => $"{p.From}>{p.To}").ShouldBe(["1.0>1.1", "1.1>1.2"]);
        plan.Patches[0].PatchManifestHash.ShouldBe(chain.Patches.Single().PatchManifestHash);
        plan.DownloadBytes.ShouldBe(plan.Patches.Sum(p => p.DownloadBytes));
        plan.Chunks.ShouldBeEmpty();
        var json = JsonDocument.Parse(await raw.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("kind").GetString().ShouldBe("patchChain");
        json.GetProperty("patches")[0].GetProperty("patchManifestHash").GetString()
            .ShouldBe(plan.Patches[0].PatchManifestHash);
    }

    [Fact]
    public async Task Previous_version_takes_the_direct_patch_and_latest_is_up_to_date()
    {
        using var client = server.CreateClient(_player);

        var direct = await PlanAsync(client, "plan", "?from=1.1&branch=main");
        var current = await PlanAsync(client, "plan", "?from=1.2");

        direct.Kind.ShouldBe("patchChain");
        direct.Patches.ShouldHaveSingleItem().From.ShouldBe("1.1");
        direct.DownloadBytes.ShouldBeLessThan(50_000);
        (current.Kind, current.DownloadBytes).ShouldBe(("upToDate", 0L));
    }

    [Fact]
    public async Task No_patch_backwards_means_chunks_and_nothing_installed_means_full()
    {
        using var client = server.CreateClient(_player);

        var back = await PlanAsync(client, "plan", "?from=1.2&to=1.0");
        var fresh = await PlanAsync(client, "plan", "");

        back.Kind.ShouldBe("chunks");
        back.Patches.ShouldBeEmpty();
        back.Chunks.ShouldNotBeEmpty();
        back.Chunks.ShouldAllBe(c => c.StoredBytes > 0 && c.RawBytes > 0);
        var target = await _plan.ManifestAsync("1.0");
        var shared = target.Entries.Single(e => e.Path == "data/level.pak").ChunkList[0].Sha256;
        back.Chunks.ShouldNotContain(c => c.Sha256 == shared);
        fresh.Kind.ShouldBe("full");
        fresh.FromLabel.ShouldBeNull();
        fresh.TargetLabel.ShouldBe("1.2");
        fresh.Chunks.Count.ShouldBe(
            (await _plan.ManifestAsync("1.2")).Entries.SelectMany(e => e.ChunkList)
                .Select(c => c.Sha256).Distinct().Count());
    }

    [Fact]
    public async Task Withdrawn_version_is_never_a_step_or_a_target()
    {
        using var client = server.CreateClient(_player);

        var around = await PlanAsync(client, "planw", "?from=1.0");
        var off = await PlanAsync(client, "planw", "?from=1.1");
        using var pinned = await client.GetAsync("/api/games/planw/plan?from=1.0&to=1.1");

        around.Kind.ShouldBe("chunks");
        around.Patches.ShouldBeEmpty();
        around.TargetLabel.ShouldBe("1.2");
        off.Patches.ShouldHaveSingleItem().From.ShouldBe("1.1");
        pinned.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await pinned.Content.ReadFromJsonAsync<ProblemDetails>()).ShouldNotBeNull()
            .Status.ShouldBe(409);
    }

    [Theory]
    [InlineData("/api/games/plan/plan?from=no:such", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/games/plan/plan?to=.bad", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/games/plan/plan?branch=Main", HttpStatusCode.BadRequest, "branch")]
    [InlineData("/api/games/plan/plan?to=1.0&branch=main", HttpStatusCode.BadRequest, "branch")]
    [InlineData("/api/games/nothing/plan", HttpStatusCode.NotFound, null)]
    [InlineData("/api/games/plan/plan?from=9.9", HttpStatusCode.NotFound, null)]
    [InlineData("/api/games/plan/plan?to=9.9", HttpStatusCode.NotFound, null)]
    [InlineData("/api/games/plan/plan?branch=beta", HttpStatusCode.NotFound, null)]
    public async Task Bad_requests_are_problem_details(
        string path, HttpStatusCode status, string? field)
    {
        using var client = server.CreateClient(_player);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        if (field is not null)
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Game_details_list_the_patches_that_lead_to_each_version()
    {
        using var client = server.CreateClient(_player);

        var game = await client.GetFromJsonAsync<GameResponse>("/api/games/plan");

        game.ShouldNotBeNull().Patches.Select(p => $"{p.From}>{p.To}")
            .ShouldBe(["1.0>1.1", "1.1>1.2"]);
        game.Patches.ShouldAllBe(p => p.PatchManifestHash.Length == 64 && p.DownloadBytes > 0);
    }

    private async Task PublishThreeAsync(PatchScenario game, int seed)
    {
        var body = PatchScenario.Noise(seed, 300_000);
        var level = PatchScenario.Noise(seed + 1, 200_000);
        for (var v = 0; v < 3; v++)
        {
            body.AsSpan(100_000 * v + 5000, 32).Fill((byte)(v + 1));
            await game.IngestAsync($"1.{v}", new Dictionary<string, byte[]>
            {
                ["bin/game"] = body.ToArray(),
                ["data/level.pak"] = level,
            });
            await game.PublishAsync($"1.{v}");
            await ChainAsync(game.Slug, $"1.{v}");
        }
    }

    // Waits on the admin endpoint, as a script would, until the chain is in the catalog.
    private async Task<PatchChainResponse> ChainAsync(string slug, string label)
    {
        using var admin = server.CreateClient(_admin);
        return await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<PatchChainResponse>(
                $"/api/admin/games/{slug}/versions/{label}/patches"),
            chain => chain.Completed, TimeSpan.FromSeconds(90), $"the chain of {slug}/{label}");
    }

    private static async Task<PlanResponse> PlanAsync(
        HttpClient client, string slug, string query) =>
        (await client.GetFromJsonAsync<PlanResponse>($"/api/games/{slug}/plan{query}"))
        .ShouldNotBeNull();

    private static string Hash(VersionManifest manifest) =>
        ManifestSerializer.Hash(ManifestSerializer.Serialize(manifest));
}
