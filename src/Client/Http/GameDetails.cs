namespace Mist.Client.Http;

/// <summary>A game with its versions per branch, and (for admins) unpublished versions.</summary>
public sealed record GameDetails(
    string Slug,
    string Name,
    IReadOnlyList<BranchVersions>? Branches,
    IReadOnlyList<VersionSummary>? Unpublished);
