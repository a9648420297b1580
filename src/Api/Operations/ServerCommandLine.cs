namespace Mist.Api.Operations;

/// <summary>
/// Operator commands run by the server binary instead of serving: user accounts and read
/// model rebuilds. Anything else starts the server.
/// </summary>
public static class ServerCommandLine
{
    public static bool IsCommand(string[] args) =>
        args is [ "users" or "projections", ..];

    public static Task<int> RunAsync(WebApplication app, string[] args) => args switch
    {
        ["users", .. var rest] =>
            UsersCommand.ForConsole(app.Services).RunAsync(rest, CancellationToken.None),
        ["projections", .. var rest] =>
            ProjectionsCommand.RunAsync(app.Services, rest, CancellationToken.None),
        _ => Task.FromResult(Usage()),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Mist.Api users create NAME [--admin]");
        Console.Error.WriteLine("       Mist.Api users reset-password NAME");
        Console.Error.WriteLine("       Mist.Api projections rebuild");
        return 2;
    }
}
