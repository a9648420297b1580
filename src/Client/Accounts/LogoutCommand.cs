using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Accounts;

/// <summary>Forgets the token kept for this server.</summary>
public sealed class LogoutCommand : MistCommand<GlobalSettings>
{
    protected override async Task<int> RunAsync(
        GlobalSettings settings, CancellationToken cancellationToken)
    {
        var removed = await ClientEnvironment.OpenCredentials()
            .RemoveAsync(Server.AbsoluteUri, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"{(removed ? "Logged out of" : "No token was kept for")} {Server}.");
        return 0;
    }
}
