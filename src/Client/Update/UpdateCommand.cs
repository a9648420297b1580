using System.Diagnostics;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Update;

/// <summary>Updates an install by the server's plan; see <see cref="Updater"/>.</summary>
public sealed class UpdateCommand : MistCommand<UpdateSettings>
{
    protected override async Task<int> RunAsync(
        UpdateSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var api = await ConnectAsync(cancellationToken);
        var updater = new Updater(api, new InstallerOptions { Parallelism = settings.Parallel });
        var result = await LiveProgress.RunAsync(progress => updater.UpdateAsync(
            new UpdateRequest(settings.Dir!, settings.To), progress, cancellationToken));

        Report(result, settings.Dir!);
        if (settings.Json)
        {
            // Plain Console: the line must reach scripts exactly, without markup or wrapping.
            Console.Out.WriteLine(UpdateSummary.Json(result, clock.Elapsed));
        }

        return 0;
    }

    private static void Report(UpdateResult result, string dir)
    {
        switch (result.Recovery)
        {
            case RecoveryOutcome.RolledForward:
                AnsiConsole.WriteLine("An interrupted update was finished first.");
                break;
            case RecoveryOutcome.RolledBack:
                AnsiConsole.WriteLine("An interrupted update was undone first.");
                break;
        }

        foreach (var refusal in result.Refusals)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Patch refused[/] {refusal}");
        }

        if (result.Plan == UpdatePlanKind.UpToDate && result.Steps == 0)
        {
            AnsiConsole.WriteLine($"{result.Game} {result.ToLabel} in {dir} is up to date.");
            return;
        }

        var how = result.FellBackToChunks
            ? "by chunks after a refused patch"
            : result.Plan == UpdatePlanKind.PatchChain
                ? $"by {result.Steps} patch{(result.Steps == 1 ? "" : "es")}"
                : "by chunks";
        AnsiConsole.Markup("[green]Updated[/] ");
        AnsiConsole.WriteLine(
            $"{result.Game} {result.FromLabel} to {result.ToLabel} in {dir} {how}: " +
            $"{Output.Bytes(result.BytesDownloaded)} downloaded, " +
            $"{Output.Bytes(result.BytesWritten)} written.");
    }
}
