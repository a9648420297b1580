using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>A game and, per branch, the label of its latest published version.</summary>
public sealed record GameSummaryResponse(
    string Slug,
    string Name,
    IReadOnlyDictionary<string, string> Latest)
{
    public static GameSummaryResponse From(GameSummary game) =>
        new(game.Slug, game.Name, game.Latest);
}
