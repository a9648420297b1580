using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Mist.Api.Accounts;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Accounts;

/// <summary>
/// Runs the server binary itself, as an operator would, to cover the dispatch from the
/// command line and the reading of standard input.
/// </summary>
public sealed class UsersCommandProcessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Users_create_reads_the_password_from_stdin_and_the_user_can_log_in()
    {
        var name = $"op-{Guid.NewGuid():N}"[..20];

        var (exit, output) = await RunServerAsync(["users", "create", name, "--admin"], Password);

        exit.ShouldBe(0, output);
        output.ShouldContain($"Created admin '{name}'");
        using var client = server.CreateClient();
        using var logIn = await client.PostAsJsonAsync(
            "/api/auth/login", new LogInRequest(name, Password));
        logIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_given_as_an_argument_is_refused()
    {
        var name = $"op-{Guid.NewGuid():N}"[..20];

        var (exit, output) = await RunServerAsync(["users", "create", name, Password], "");

        exit.ShouldBe(2, output);
        output.ShouldContain("usage:");
    }

    private async Task<(int Exit, string Output)> RunServerAsync(string[] args, string stdin)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "Mist.Api.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Mist"] = server.ConnectionString;
        start.Environment["Mist__DataRoot"] = server.DataRoot;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove(Operations.UsersCommand.PasswordVariable);

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
