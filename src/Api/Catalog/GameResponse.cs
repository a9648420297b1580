using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// A game with its versions per branch. <c>unpublished</c> lists versions never published;
/// it is empty for players. <c>patches</c> lists the completed patches that lead to the
/// versions shown, by target then base label.
/// </summary>
public sealed record GameResponse(
    string Slug,
    string Name,
    IReadOnlyList<BranchResponse> Branches,
    IReadOnlyList<VersionSummaryResponse> Unpublished,
    IReadOnlyList<PatchResponse> Patches)
{
    public static GameResponse From(GameDetails game) =>
        new(game.Slug, game.Name,
            [.. game.Branches.Select(b => new BranchResponse(
                b.Name, [.. b.Versions.Select(VersionSummaryResponse.From)]))],
            [.. game.Unpublished.Select(VersionSummaryResponse.From)],
            [.. game.Patches.Select(PatchResponse.Of)]);
}
