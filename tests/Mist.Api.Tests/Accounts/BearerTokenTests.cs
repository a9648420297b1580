using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mist.Api.Accounts;
using Mist.Api.Tests.Support;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Tests.Accounts;

public sealed class BearerTokenTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Password = "correct horse battery";

    // Any well-formed blob hash: a player may ask, and the answer is 404, not 401 or 403.
    private static readonly string BlobUrl = $"/api/blobs/{new string('a', 64)}";

    private UserAccounts Accounts => server.Services.GetRequiredService<UserAccounts>();

    [Fact]
    public async Task Admin_token_registers_a_game()
    {
        var admin = await CreateAsync(Roles.Admin);
        using var client = server.CreateClient(admin.Token);

        using var response = await client.PostAsJsonAsync(
            "/api/admin/games", new { slug = $"g{Guid.NewGuid():N}"[..20], name = "Game" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Player_token_reaches_a_player_endpoint()
    {
        var player = await CreateAsync(Roles.Player);
        using var client = server.CreateClient(player.Token);

        using var response = await client.GetAsync(BlobUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Player_token_on_an_admin_endpoint_is_forbidden_with_problem_details()
    {
        var player = await CreateAsync(Roles.Player);
        using var client = server.CreateClient(player.Token);

        using var response = await client.PostAsJsonAsync(
            "/api/admin/games", new { slug = "forbidden", name = "Forbidden" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Garbage_token_is_unauthorized()
    {
        using var client = server.CreateClient("not.a.token");

        using var response = await client.GetAsync(BlobUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_token_is_unauthorized()
    {
        var name = await CreateNameAsync(Roles.Player);
        var issuedYesterday = Issuer(new FixedTime(DateTimeOffset.UtcNow.AddDays(-1)));
        var account = await Store.FindByNameAsync(name, CancellationToken.None);
        var expired = issuedYesterday.Issue(account.ShouldNotBeNull());
        using var client = server.CreateClient(expired.Token);

        using var response = await client.GetAsync(BlobUrl);

        expired.ExpiresAt.ShouldBeLessThan(DateTimeOffset.UtcNow);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_unauthorized()
    {
        var name = await CreateNameAsync(Roles.Admin);
        var account = await Store.FindByNameAsync(name, CancellationToken.None);
        var otherKey = new SigningKeySource(
            Options.Create(new AuthOptions
            {
                SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            }),
            server.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            NullLogger<SigningKeySource>.Instance);
        var forged = new AccessTokenIssuer(
            otherKey, Options.Create(new AuthOptions()), TimeProvider.System)
            .Issue(account.ShouldNotBeNull());
        using var client = server.CreateClient(forged.Token);

        using var response = await client.GetAsync(BlobUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Password_reset_revokes_tokens_issued_before_it()
    {
        var name = await CreateNameAsync(Roles.Player);
        var before = await Accounts.IssueTokenAsync(name, CancellationToken.None);

        await Accounts.ResetPasswordAsync(name, "a new long password", CancellationToken.None);
        var after = await Accounts.IssueTokenAsync(name, CancellationToken.None);

        using var oldClient = server.CreateClient(before.Token);
        using var newClient = server.CreateClient(after.Token);
        (await oldClient.GetAsync(BlobUrl)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await newClient.GetAsync(BlobUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private UserStore Store => server.Services.GetRequiredService<UserStore>();

    private AccessTokenIssuer Issuer(TimeProvider time) => new(
        server.Services.GetRequiredService<SigningKeySource>(),
        server.Services.GetRequiredService<IOptions<AuthOptions>>(),
        time);

    private async Task<AccessToken> CreateAsync(string role) =>
        await Accounts.IssueTokenAsync(await CreateNameAsync(role), CancellationToken.None);

    private async Task<string> CreateNameAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..24];
        await Accounts.CreateAsync(name, Password, role, CancellationToken.None);
        return name;
    }
}
