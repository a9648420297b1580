using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mist.Api.Tests.Patches;
using Mist.Api.Tests.Support;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Api.Tests.Versions;

/// <summary>
/// Publishing checks storage: a version whose chunks were lost after ingestion (a power cut,
/// a damaged disk) is refused, and nothing is appended to its stream.
/// </summary>
public sealed class PublishStorageCheckTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_version_with_a_chunk_missing_from_storage_is_not_published()
    {
        var game = new PatchScenario(server, $"s{Guid.NewGuid():N}"[..16]);
        var manifest = await game.IngestAsync("1.0", new Dictionary<string, byte[]>
        {
            ["data/level.pak"] = PatchScenario.Noise(7, 300_000),
            ["readme.txt"] = "hello"u8.ToArray(),
        });
        var lost = manifest.Entries.Single(e => e.Path == "data/level.pak").ChunkList[0].Sha256;
        var restore = game.HideBlob(lost);
        var before = await game.EventsAsync(StreamKeys.Version(game.Slug, "1.0"));
        using var admin = server.CreateClient(await server.TokenForAsync(Roles.Admin));

        using var refused = await admin.PostAsJsonAsync(
            $"/api/admin/games/{game.Slug}/versions/1.0/publish", new { branch = "main" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(lost);
        var after = await game.EventsAsync(StreamKeys.Version(game.Slug, "1.0"));
        after.Count.ShouldBe(before.Count);
        after.OfType<VersionPublished>().ShouldBeEmpty();

        restore();
        using var published = await admin.PostAsJsonAsync(
            $"/api/admin/games/{game.Slug}/versions/1.0/publish", new { branch = "main" });
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await game.EventsAsync(StreamKeys.Version(game.Slug, "1.0")))
            .OfType<VersionPublished>().ShouldHaveSingleItem();
    }
}
