using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// A game with its versions per branch. <c>unpublished</c> lists versions never published;
/// it is empty for players.
/// </summary>
public sealed record GameResponse(
    string Slug,
    string Name,
    IReadOnlyList<BranchResponse> Branches,
    IReadOnlyList<VersionSummaryResponse> Unpublished)
{
    public static GameResponse From(GameDetails game) =>
        new(game.Slug, game.Name,
            [.. game.Branches.Select(b => new BranchResponse(
                b.Name, [.. b.Versions.Select(VersionSummaryResponse.From)]))],
            [.. game.Unpublished.Select(VersionSummaryResponse.From)]);
}
