using Mist.Application.Versions;

namespace Mist.Api.Versions;

/// <summary>A version's status right after a command; status is lower-case.</summary>
public sealed record VersionChangeResponse(string Slug, string Label, string Status)
{
    public static VersionChangeResponse From(VersionChange change) =>
        new(change.Slug, change.Label, change.Status.ToString().ToLowerInvariant());
}
