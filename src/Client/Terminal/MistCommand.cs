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
    protected ClientEnvironment ClientEnvironment { get; } = ClientEnvironment.Process;

    private Uri? _server;

    /// <summary>The server this run talks to, resolved before <see cref="RunAsync"/>.</summary>
    protected Uri Server => _server ?? throw new InvalidOperationException("No server yet.");

    public sealed override async Task<int> ExecuteAsync(
        CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            _server = ClientEnvironment.ResolveServer(settings.Server);
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception e) when (ErrorReporter.TryReport(e, _server) is { } exitCode)
        {
            return exitCode;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken cancellationToken);

    protected async Task<MistApiClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var token = await ClientEnvironment.ResolveTokenAsync(Server, cancellationToken);
        return MistApiClient.Create(Server, token);
    }
}
