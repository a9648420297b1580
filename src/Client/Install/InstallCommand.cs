using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Install;

/// <summary>Installs or updates a game in a folder; see <see cref="Installer"/>.</summary>
public sealed class InstallCommand : MistCommand<InstallSettings>
{
    protected override async Task<int> RunAsync(
        InstallSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var options = new InstallerOptions { Parallelism = settings.Parallel };
        var installer = new Installer(api, options);
        var request = new InstallRequest(
            settings.Game, settings.Dir!, settings.Version, settings.Branch, settings.Repair);

        var result = await LiveProgress.RunAsync(
            progress => installer.InstallAsync(request, progress, cancellationToken));

        if (result.AlreadyInstalled)
        {
            AnsiConsole.WriteLine(
                $"{result.Game} {result.Label} is already installed in {settings.Dir}; " +
                $"'mist verify --dir {settings.Dir}' checks it, --repair rebuilds it.");
            return 0;
        }

        AnsiConsole.Markup("[green]Installed[/] ");
        AnsiConsole.WriteLine(
            $"{result.Game} {result.Label} in {settings.Dir}: " +
            $"{result.FilesWritten} files written, {result.ChunksDownloaded} chunks downloaded " +
            $"({Output.Bytes(result.BytesDownloaded)}), {result.ChunksReused} reused, " +
            $"{result.FilesKept} files unchanged.");
        return 0;
    }
}
