using Mist.Client.Install;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Verify;

/// <summary>
/// Re-hashes an install against the manifest kept beside it. Needs no server. Every difference
/// is listed; the exit is 1 when a file of the version is missing or wrong, and 0 when the only
/// differences are extra entries, which installs and repairs leave alone (saves, mods).
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

        var broken = differences.Count(d => d.Kind != DifferenceKind.Extra);
        var extra = differences.Count - broken;
        if (broken > 0)
        {
            AnsiConsole.Markup(
                $"[red]{Output.Count(broken, "difference", "differences")}[/] ");
            AnsiConsole.WriteLine(
                $"from {installed.Game} {installed.Label}; " +
                $"'mist repair --dir {settings.Dir}' restores the version's files.");
        }
        else
        {
            AnsiConsole.Markup("[green]OK[/] ");
            AnsiConsole.WriteLine(
                $"{installed.Game} {installed.Label}: every file of the version matches.");
        }

        if (extra > 0)
        {
            AnsiConsole.WriteLine(
                $"Not part of the version: {Output.Count(extra, "entry", "entries")}. Installs "
                + "leave them alone (they may be saves or mods); remove them yourself if the "
                + "folder should hold the version only.");
        }

        return broken > 0 ? ErrorReporter.Failure : 0;
    }
}
