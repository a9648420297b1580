using Mist.Client.Install;
using Mist.Client.Terminal;
using Mist.Client.Update;
using Spectre.Console;

namespace Mist.Client.Repair;

/// <summary>Restores an install to exactly its version; see <see cref="Repairer"/>.</summary>
public sealed class RepairCommand : MistCommand<RepairSettings>
{
    protected override async Task<int> RunAsync(
        RepairSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var repairer = new Repairer(api, new InstallerOptions { Parallelism = settings.Parallel });
        var result = await LiveProgress.RunAsync(
            progress => repairer.RepairAsync(settings.Dir!, progress, cancellationToken));

        switch (result.Recovery)
        {
            case RecoveryOutcome.RolledForward:
                AnsiConsole.WriteLine("An interrupted update was finished first.");
                break;
            case RecoveryOutcome.RolledBack:
                AnsiConsole.WriteLine("An interrupted update was undone first.");
                break;
        }

        if (result.ManifestRestored)
        {
            AnsiConsole.WriteLine("The kept manifest was damaged and was fetched again.");
        }

        foreach (var difference in result.Repaired)
        {
            AnsiConsole.WriteLine($"repaired  {difference}");
        }

        var name = $"{result.Game} {result.Label}";
        if (result.Repaired.Count == 0)
        {
            AnsiConsole.Markup("[green]OK[/] ");
            AnsiConsole.WriteLine($"{name}: nothing needed repair.");
        }
        else
        {
            AnsiConsole.Markup("[green]Repaired[/] ");
            AnsiConsole.WriteLine(
                $"{name}: {Output.Count(result.Repaired.Count, "entry", "entries")} restored, " +
                $"{Output.Bytes(api.BytesReceived)} downloaded, " +
                $"{Output.Bytes(result.BytesWritten)} written.");
        }

        if (result.LeftAlone.Count > 0)
        {
            AnsiConsole.WriteLine(
                $"Left alone: {Output.Count(result.LeftAlone.Count, "entry", "entries")} the "
                + "version does not have (they may be saves or mods).");
        }

        return 0;
    }
}
