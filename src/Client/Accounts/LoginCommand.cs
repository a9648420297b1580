using Mist.Client.Config;
using Mist.Client.Http;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Accounts;

/// <summary>
/// Logs in and keeps the token for this server. The password never comes from the command
/// line, where other users could read it from the process list or the shell history.
/// </summary>
public sealed class LoginCommand : MistCommand<LoginSettings>
{
    protected override async Task<int> RunAsync(
        LoginSettings settings, CancellationToken cancellationToken)
    {
        var password = ClientEnvironment.Password ?? await ReadPasswordAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            ErrorReporter.Error("No password given.");
            return ErrorReporter.Failure;
        }

        var api = MistApiClient.Create(Server);
        LoginResponse login;
        try
        {
            login = await api.LoginAsync(settings.User!, password, cancellationToken);
        }
        catch (MistApiException e) when (e.StatusCode == 401)
        {
            ErrorReporter.Error(e.Problem.Detail ?? "The user name or password is wrong.");
            return ErrorReporter.Failure;
        }

        var store = ClientEnvironment.OpenCredentials();
        var stored = new StoredLogin(
            login.AccessToken, login.UserName, login.Role, login.ExpiresAt);
        await store.SaveAsync(Server.AbsoluteUri, stored, cancellationToken);
        AnsiConsole.WriteLine(
            $"Logged in to {Server} as {login.UserName} ({login.Role}) " +
            $"until {login.ExpiresAt:u}.");
        AnsiConsole.MarkupLineInterpolated($"Token saved in {store.FilePath}.");
        return 0;
    }

    private static async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            return await Console.In.ReadLineAsync(cancellationToken);
        }

        return await AnsiConsole.PromptAsync(
            new TextPrompt<string>("Password:").Secret(), cancellationToken);
    }
}
