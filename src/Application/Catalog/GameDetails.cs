namespace Mist.Application.Catalog;

/// <summary>
/// A game with its versions: per branch, newest first; and those never published (admins
/// only).
/// </summary>
public sealed record GameDetails(
    string Slug,
    string Name,
    IReadOnlyList<BranchVersions> Branches,
    IReadOnlyList<VersionSummary> Unpublished);
