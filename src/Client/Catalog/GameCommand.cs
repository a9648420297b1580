using Mist.Client.Http;
using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Catalog;

/// <summary>Shows a game's versions per branch, and unpublished ones for admins.</summary>
public sealed class GameCommand : MistCommand<GameSettings>
{
    protected override async Task<int> RunAsync(
        GameSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var game = await api.GetGameAsync(settings.Game, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[bold]{game.Name}[/] ({game.Slug})");

        foreach (var branch in game.Branches ?? [])
        {
            AnsiConsole.Write(VersionTable($"Branch {branch.Name}", branch.Versions ?? []));
        }

        if (game.Unpublished is { Count: > 0 } unpublished)
        {
            AnsiConsole.Write(VersionTable("Unpublished", unpublished));
        }

        if ((game.Branches ?? []).Count == 0 && (game.Unpublished ?? []).Count == 0)
        {
            AnsiConsole.WriteLine("No versions yet.");
        }

        return 0;
    }

    private static Table VersionTable(string title, IReadOnlyList<VersionSummary> versions)
    {
        var table = new Table()
            .Title(Markup.Escape(title))
            .AddColumns("Label", "Status", "Files", "Size", "Download", "Published");
        foreach (var v in versions)
        {
            table.AddRow(
                Markup.Escape(v.Label),
                Markup.Escape(v.Status),
                v.FileCount?.ToString() ?? "",
                v.RawBytes is { } raw ? Output.Bytes(raw) : "",
                v.StoredBytes is { } stored ? Output.Bytes(stored) : "",
                v.PublishedAt?.ToString("u") ?? "");
        }

        return table;
    }
}
