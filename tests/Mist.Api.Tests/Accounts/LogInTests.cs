using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Accounts;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Accounts;

public sealed class LogInTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Password = "correct horse battery";

    private UserAccounts Accounts => server.Services.GetRequiredService<UserAccounts>();

    [Fact]
    public async Task Right_password_returns_a_token_for_the_user_and_role()
    {
        var name = UniqueName("Alice");
        await Accounts.CreateAsync(name, Password, Roles.Admin, CancellationToken.None);
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest(name.ToUpperInvariant(), Password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<LogInResponse>();
        body.ShouldNotBeNull();
        body.UserName.ShouldBe(name);
        body.Role.ShouldBe(Roles.Admin);
        body.AccessToken.Split('.').Length.ShouldBe(3);
        body.ExpiresAt.ShouldBe(DateTimeOffset.UtcNow.AddHours(12), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_name_are_refused_alike()
    {
        var name = UniqueName("bob");
        await Accounts.CreateAsync(name, Password, Roles.Player, CancellationToken.None);
        using var client = server.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest(name, Password + "!"));
        using var unknownName = await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest(UniqueName("nobody"), Password));

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknownName.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var first = await wrongPassword.Content.ReadFromJsonAsync<ProblemDetails>();
        var second = await unknownName.Content.ReadFromJsonAsync<ProblemDetails>();
        first.ShouldNotBeNull().Detail.ShouldNotBeNullOrEmpty();
        second.ShouldNotBeNull().Detail.ShouldBe(first.Detail);
        first.Status.ShouldBe(401);
    }

    [Fact]
    public async Task Missing_password_is_a_validation_problem()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest("someone", null));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        problem.ShouldNotBeNull().Errors.Keys.ShouldBe(["password"]);
    }

    [Fact]
    public async Task A_name_taken_in_another_letter_case_is_refused()
    {
        var name = UniqueName("carol");
        await Accounts.CreateAsync(name, Password, Roles.Player, CancellationToken.None);

        var refused = await Should.ThrowAsync<Domain.Common.DomainException>(() =>
            Accounts.CreateAsync(
                name.ToUpperInvariant(), Password, Roles.Player, CancellationToken.None));

        refused.Kind.ShouldBe(Domain.Common.DomainErrorKind.Conflict);
    }

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];
}
