using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mist.Api.Tests.Patches;
using Mist.Api.Tests.Support;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Api.Tests.Versions;

public sealed class RequestBuildTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("Bad Slug", "1.0", "slug")]
    [InlineData("good", "bad label", "label")]
    [InlineData("good", "a/b", "label")]
    public async Task Request_with_invalid_names_is_refused_naming_the_field(
        string slug, string label, string field)
    {
        using var admin = await AdminAsync();

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/games/{Uri.EscapeDataString(slug)}/versions",
            new { label, sourcePath = server.ImportRoot });

        await ShouldBeValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Request_for_a_path_outside_the_import_roots_is_refused()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions", new { label = "1.0", sourcePath = "/etc" });

        await ShouldBeValidationProblemAsync(response, "sourcePath");
    }

    [Fact]
    public async Task Request_for_a_path_with_dot_dot_is_refused_even_inside_a_root()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        Directory.CreateDirectory(Path.Combine(server.ImportRoot, "a"));

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions",
            new { label = "1.0", sourcePath = $"{server.ImportRoot}/a/../a" });

        await ShouldBeValidationProblemAsync(response, "sourcePath");
    }

    [Fact]
    public async Task Request_for_a_link_in_a_root_leading_outside_the_roots_is_refused()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        var outside = Directory.CreateDirectory(Path.Combine(server.Root, "outside")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "not for players");
        var link = Path.Combine(server.ImportRoot, $"{slug}-link");
        File.CreateSymbolicLink(link, outside);

        using var direct = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions", new { label = "1.0", sourcePath = link });
        using var below = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions",
            new { label = "1.1", sourcePath = $"{link}/." });

        await ShouldBeValidationProblemAsync(direct, "sourcePath");
        await ShouldBeValidationProblemAsync(below, "sourcePath");
    }

    [Fact]
    public async Task Request_for_a_link_leading_to_another_folder_in_the_root_is_accepted()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        var source = Directory.CreateDirectory(Path.Combine(server.ImportRoot, slug)).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "game.txt"), "content");
        var link = Path.Combine(server.ImportRoot, $"{slug}-latest");
        File.CreateSymbolicLink(link, slug);

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions", new { label = "1.0", sourcePath = link });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var events = await new PatchScenario(server, slug)
            .EventsAsync(StreamKeys.Version(slug, "1.0"));
        events.OfType<BuildRequested>().Single().SourcePath.ShouldBe(source);
    }

    [Fact]
    public async Task Request_for_an_unknown_game_is_not_found()
    {
        using var admin = await AdminAsync();

        using var response = await admin.PostAsJsonAsync(
            "/api/admin/games/no-such-game/versions",
            new { label = "1.0", sourcePath = server.ImportRoot });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Second_request_for_the_same_label_is_a_conflict()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        var source = Directory.CreateDirectory(Path.Combine(server.ImportRoot, slug)).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "game.txt"), "content");
        var body = new { label = "1.0", sourcePath = source };

        using var first = await admin.PostAsJsonAsync($"/api/admin/games/{slug}/versions", body);
        using var second = await admin.PostAsJsonAsync($"/api/admin/games/{slug}/versions", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(second)).ShouldBe($"Game '{slug}' has a version '1.0' already.");
    }

    [Fact]
    public async Task Second_game_with_the_same_slug_is_a_conflict()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);

        using var response = await admin.PostAsJsonAsync(
            "/api/admin/games", new { slug, name = "Again" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(response)).ShouldBe($"There is a game '{slug}' already.");
    }

    [Fact]
    public async Task Build_with_a_symlink_escaping_the_tree_fails_with_the_reason()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        var source = Directory.CreateDirectory(Path.Combine(server.ImportRoot, slug)).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "game.txt"), "content");
        File.CreateSymbolicLink(Path.Combine(source, "escape"), "../../outside");

        using var requested = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions", new { label = "1.0", sourcePath = source });
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var build = await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<JsonElement>(
                $"/api/admin/games/{slug}/versions/1.0/build"),
            b => b.GetProperty("status").GetString() == "failed",
            what: "the build to fail");
        build.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("escape");

        using var publish = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions/1.0/publish", new { branch = "main" });
        publish.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Withdrawing_a_version_that_is_not_published_is_a_conflict()
    {
        using var admin = await AdminAsync();
        var slug = await RegisterGameAsync(admin);
        var source = Directory.CreateDirectory(Path.Combine(server.ImportRoot, slug)).FullName;
        using var requested = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions", new { label = "2.0", sourcePath = source });

        using var response = await admin.PostAsJsonAsync(
            $"/api/admin/games/{slug}/versions/2.0/withdraw", new { reason = "broken" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private async Task<HttpClient> AdminAsync() =>
        server.CreateClient(await server.TokenForAsync(Roles.Admin));

    private static async Task<string> RegisterGameAsync(HttpClient admin)
    {
        var slug = $"g{Guid.NewGuid():N}"[..16];
        using var response = await admin.PostAsJsonAsync(
            "/api/admin/games", new { slug, name = "Game" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return slug;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("detail").GetString();

    private static async Task ShouldBeValidationProblemAsync(
        HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out var reasons).ShouldBeTrue(
            $"no error for '{field}' in {problem}");
        reasons.GetArrayLength().ShouldBeGreaterThan(0);
    }
}
