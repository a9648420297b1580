using Mist.Client.Terminal;
using Spectre.Console;

namespace Mist.Client.Catalog;

/// <summary>Lists the games with the latest version on each branch.</summary>
public sealed class GamesCommand : MistCommand<GlobalSettings>
{
    protected override async Task<int> RunAsync(
        GlobalSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(cancellationToken);
        var games = await api.ListGamesAsync(cancellationToken);
        if (games.Count == 0)
        {
            AnsiConsole.WriteLine("No games yet.");
            return 0;
        }

        var table = new Table().AddColumns("Game", "Name", "Latest");
        foreach (var game in games.OrderBy(g => g.Slug, StringComparer.Ordinal))
        {
            var latest = string.Join(", ", (game.Latest ?? new Dictionary<string, string>())
                .OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => $"{b.Key}: {b.Value}"));
            table.AddRow(Markup.Escape(game.Slug), Markup.Escape(game.Name), Markup.Escape(latest));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
