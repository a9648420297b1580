using Mist.Client.Http;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Admin;

public sealed class PublishCommand : MistCommand<PublishSettings>
{
    // The catalog is a projection and may trail the publish by a moment; waiting for it
    // means an install started right after this command finds the new version.
    private static readonly TimeSpan CatalogLag = TimeSpan.FromSeconds(30);

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
        return 0;
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
