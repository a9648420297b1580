using Mist.Client.Config;
using Mist.Client.Http;
using Spectre.Console.Cli;

namespace Mist.Client.Terminal;

/// <summary>
/// Base of every command: resolves the server and token, and turns expected failures into a
/// clear message and a non-zero exit code instead of a stack trace.
/// </summary>
public abstract class MistCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected ClientEnvironment Environment { get; } = ClientEnvironment.Process;

    protected Uri? Server { get; private set; }

    public sealed override async Task<int> ExecuteAsync(
        CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            Server = Environment.ResolveServer(settings.Server);
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception e) when (ErrorReporter.TryReport(e, Server) is { } exitCode)
        {
            return exitCode;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    protected async Task<MistApiClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var token = await Environment.ResolveTokenAsync(Server!, cancellationToken);
        return MistApiClient.Create(Server!, token);
    }
}
