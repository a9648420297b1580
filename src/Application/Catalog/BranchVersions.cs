namespace Mist.Application.Catalog;

/// <summary>The versions published on one branch, newest first.</summary>
public sealed record BranchVersions(string Name, IReadOnlyList<VersionSummary> Versions);
