using Mist.Domain.Versions;

namespace Mist.Application.Versions;

/// <summary>What a version command did: the version's status once its events committed.</summary>
public sealed record VersionChange(string Slug, string Label, VersionStatus Status);
