using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

public sealed class WithdrawCommand : MistCommand<WithdrawSettings>
{
    protected override async Task<int> RunAsync(
        WithdrawSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var version = await api.WithdrawAsync(
            settings.Game, settings.Label, settings.Reason!, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Withdrew {settings.Game} [bold]{version.Label}[/] ({version.Status}).");
        return 0;
    }
}
