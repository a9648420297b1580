namespace Mist.Client.Http;

public sealed record BranchVersions(string Name, IReadOnlyList<VersionSummary>? Versions);
