namespace Mist.Application.Catalog;

/// <summary>
/// A game with its versions: per branch, newest first; and those never published (admins
/// only); and the completed patches that lead to its versions.
/// </summary>
public sealed record GameDetails(
    string Slug,
    string Name,
    IReadOnlyList<BranchVersions> Branches,
    IReadOnlyList<VersionSummary> Unpublished,
    IReadOnlyList<PatchSummary> Patches);
