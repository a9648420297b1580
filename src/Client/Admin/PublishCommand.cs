using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

public sealed class PublishCommand : MistCommand<PublishSettings>
{
    protected override async Task<int> RunAsync(
        PublishSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var version = await api.PublishAsync(
            settings.Game, settings.Label, settings.Branch, cancellationToken);
        AnsiConsole.WriteLine(
            $"Published {settings.Game} {version.Label} on " +
            $"{version.Branch ?? settings.Branch}.");
        return 0;
    }
}
