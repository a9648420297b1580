using Mist.Client.Http;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

public sealed class PublishCommand : MistCommand<PublishSettings>
{
    // The catalog is a projection and may trail the publish by a moment; waiting for it
    // means an install started right after this command finds the new version.
    private static readonly TimeSpan CatalogLag = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task<int> RunAsync(
        PublishSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var version = await api.PublishAsync(
            settings.Game, settings.Label, settings.Branch, cancellationToken);
        var visible = await WaitUntilListedAsync(api, settings, cancellationToken);

        AnsiConsole.WriteLine(
            $"Published {settings.Game} {version.Label} on {version.Branch ?? settings.Branch}" +
            (visible ? "." : "; the catalog does not show it yet."));
        return settings.Wait ? await WaitForChainAsync(api, settings, cancellationToken) : 0;
    }

    private static async Task<int> WaitForChainAsync(
        MistApiClient api, PublishSettings settings, CancellationToken cancellationToken)
    {
        var chain = await LiveProgress.RunAsync(progress =>
            new PatchChainWatcher(api, PollInterval).WaitAsync(
                settings.Game, settings.Label, TimeSpan.FromMinutes(settings.WaitMinutes),
                progress, cancellationToken));

        var pairs = chain.PairList;
        var stored = pairs.Count(p => p.IsCompleted);
        var skipped = pairs.Count(p => p.IsSettled && !p.IsCompleted);
        var failed = chain.FailedPairs;
        foreach (var pair in failed)
        {
            ErrorReporter.Error(
                $"The patch {pair.From} to {pair.To} failed after {pair.Failures} " +
                $"attempt{(pair.Failures == 1 ? "" : "s")}: {pair.LastError ?? "no reason given"}");
        }

        AnsiConsole.WriteLine(
            $"Patch chain of {settings.Game} {settings.Label} closed" +
            (chain.TimedOut ? " by its timeout" : "") +
            $": {stored} stored, {skipped} skipped, {failed.Count} failed.");
        return chain.TimedOut || failed.Count > 0 ? ErrorReporter.Failure : 0;
    }

    private static async Task<bool> WaitUntilListedAsync(
        MistApiClient api, PublishSettings settings, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + CatalogLag;
        while (true)
        {
            var listed = await IsListedAsync(api, settings, cancellationToken);
            if (listed || DateTimeOffset.UtcNow > deadline)
            {
                return listed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private static async Task<bool> IsListedAsync(
        MistApiClient api, PublishSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var game = await api.GetGameAsync(settings.Game, cancellationToken);
            return (game.Branches ?? [])
                .Where(b => b.Name == settings.Branch)
                .SelectMany(b => b.Versions ?? [])
                .Any(v => v.Label == settings.Label && v.IsPublished);
        }
        catch (MistApiException e) when (e.StatusCode == 404)
        {
            // A game the catalog has not caught up with yet.
            return false;
        }
    }
}
