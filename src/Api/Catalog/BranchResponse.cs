namespace Mist.Api.Catalog;

/// <summary>A branch and its versions, newest first.</summary>
public sealed record BranchResponse(string Name, IReadOnlyList<VersionSummaryResponse> Versions);
