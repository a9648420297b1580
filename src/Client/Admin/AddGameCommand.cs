using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

public sealed class AddGameCommand : MistCommand<AddGameSettings>
{
    protected override async Task<int> RunAsync(
        AddGameSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        await api.AddGameAsync(settings.Slug, settings.Name!, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Added [bold]{settings.Slug}[/] ({settings.Name}).");
        return 0;
    }
}
