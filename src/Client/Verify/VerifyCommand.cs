using Mist.Client.Install;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Verify;

/// <summary>
/// Re-hashes an install against the manifest kept beside it. Needs no server: exit 0 when the
/// folder is exactly the installed version, 1 otherwise, each difference listed.
/// </summary>
public sealed class VerifyCommand : MistCommand<VerifySettings>
{
    protected override async Task<int> RunAsync(
        VerifySettings settings, CancellationToken cancellationToken)
    {
        var layout = new InstallLayout(settings.Dir!);
        var installed = await new InstallRecord(layout).ReadInstalledAsync(cancellationToken)
            ?? throw new InstallException($"{layout.Root} holds no finished Mist install.");

        if (File.Exists(layout.JournalPath))
        {
            AnsiConsole.WriteLine(
                "An update of this folder was interrupted; 'mist update' or 'mist repair' " +
                "finishes or undoes it.");
        }

        var differences = await LiveProgress.RunAsync(
            progress => new TreeVerifier()
                .VerifyInstallAsync(layout.Root, progress, cancellationToken));

        if (differences.Count == 0)
        {
            AnsiConsole.Markup("[green]OK[/] ");
            AnsiConsole.WriteLine(
                $"{installed.Game} {installed.Label}: the folder matches its manifest.");
            return 0;
        }

        foreach (var difference in differences)
        {
            AnsiConsole.WriteLine(difference.ToString());
        }

        var noun = differences.Count == 1 ? "difference" : "differences";
        AnsiConsole.Markup($"[red]{differences.Count} {noun}[/] ");
        AnsiConsole.WriteLine($"from {installed.Game} {installed.Label}.");
        if (differences.Any(d => d.Kind != DifferenceKind.Extra))
        {
            AnsiConsole.WriteLine(
                $"'mist repair --dir {settings.Dir}' restores the version's files.");
        }

        if (differences.Any(d => d.Kind == DifferenceKind.Extra))
        {
            AnsiConsole.WriteLine(
                "Installs leave extra entries alone (they may be saves or mods); remove them " +
                "yourself if the folder should hold the version only.");
        }

        return ErrorReporter.Failure;
    }
}
