using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

/// <summary>Asks the server to ingest a build from one of its folders, and maybe waits.</summary>
public sealed class ImportBuildCommand : MistCommand<ImportBuildSettings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task<int> RunAsync(
        ImportBuildSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var version = await api.ImportBuildAsync(
            settings.Game, settings.Label, settings.Path!, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Import of {settings.Game} [bold]{version.Label}[/] requested ({version.Status}).");
        if (!settings.Wait)
        {
            return 0;
        }

        var build = await LiveProgress.RunAsync(
            progress => new BuildWatcher(api, PollInterval)
                .WaitAsync(settings.Game, settings.Label, progress, cancellationToken));

        if (build.IsFailed)
        {
            ErrorReporter.Error(
                $"The build failed (attempt {build.Attempt}): {build.Error ?? "no reason given"}");
            return ErrorReporter.Failure;
        }

        AnsiConsole.WriteLine(
            $"{build.Status}: {build.FilesTotal} files, " +
            $"{Output.Bytes(build.BytesTotal)}.");
        return 0;
    }
}
