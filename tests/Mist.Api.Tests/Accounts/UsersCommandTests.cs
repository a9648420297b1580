using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Accounts;
using Mist.Api.Operations;
using Mist.Api.Tests.Support;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Tests.Accounts;

public sealed class UsersCommandTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Password = "correct horse battery";

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Create_with_admin_flag_makes_an_admin_who_can_log_in()
    {
        var name = UniqueName();

        var exit = await RunAsync(["create", name, "--admin"], stdin: Password + "\n");

        exit.ShouldBe(0);
        var logIn = await LogInAsync(name, Password);
        logIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await logIn.Content.ReadFromJsonAsync<LogInResponse>())!.Role.ShouldBe(Roles.Admin);
    }

    [Fact]
    public async Task Create_takes_the_password_from_the_environment_before_stdin()
    {
        var name = UniqueName();

        var exit = await RunAsync(["create", name], stdin: "typed password", env: Password);

        exit.ShouldBe(0);
        (await LogInAsync(name, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LogInAsync(name, "typed password")).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_refuses_an_existing_name_in_any_letter_case()
    {
        var name = UniqueName();
        (await RunAsync(["create", name], stdin: Password)).ShouldBe(0);

        var exit = await RunAsync(["create", name.ToUpperInvariant()], stdin: Password);

        exit.ShouldBe(1);
        _error.ToString().ShouldContain("exists");
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public async Task Create_refuses_an_empty_or_short_password(string password)
    {
        var name = UniqueName();

        var exit = await RunAsync(["create", name], stdin: password + "\n");

        exit.ShouldBe(1);
        _error.ToString().ShouldContain("password");
        (await Store.FindByNameAsync(name, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_password()
    {
        var name = UniqueName();
        (await RunAsync(["create", name], stdin: Password)).ShouldBe(0);

        var exit = await RunAsync(["reset-password", name], stdin: "another password\n");

        exit.ShouldBe(0);
        (await LogInAsync(name, Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LogInAsync(name, "another password")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reset_password_of_an_unknown_user_fails()
    {
        var exit = await RunAsync(["reset-password", UniqueName()], stdin: Password);

        exit.ShouldBe(1);
        _error.ToString().ShouldContain("no user");
    }

    [Fact]
    public async Task Unknown_words_print_the_usage()
    {
        var exit = await RunAsync(["create", "someone", "--root"], stdin: Password);

        exit.ShouldBe(2);
        _error.ToString().ShouldContain("usage:");
    }

    private UserStore Store => server.Services.GetRequiredService<UserStore>();

    private Task<int> RunAsync(string[] args, string stdin, string? env = null) =>
        new UsersCommand(
            server.Services.GetRequiredService<AccountsSchema>(),
            server.Services.GetRequiredService<UserAccounts>(),
            env,
            new StringReader(stdin),
            _output,
            _error).RunAsync(args, CancellationToken.None);

    private async Task<HttpResponseMessage> LogInAsync(string name, string password)
    {
        using var client = server.CreateClient();
        return await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest(name, password));
    }

    private static string UniqueName() => $"user-{Guid.NewGuid():N}"[..24];
}
