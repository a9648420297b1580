using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// A version in the catalog. <c>status</c> is requested, ingesting, ingested, failed,
/// published or withdrawn; the manifest hash is set once the build is ingested.
/// </summary>
public sealed record VersionSummaryResponse(
    string Label,
    string Status,
    string? Branch,
    string? ManifestHash,
    int FileCount,
    long RawBytes,
    long StoredBytes,
    DateTimeOffset RequestedAt,
    DateTimeOffset? PublishedAt)
{
    public static VersionSummaryResponse From(VersionSummary version) =>
        new(version.Label, version.Status.ToString().ToLowerInvariant(), version.Branch,
            version.ManifestHash, version.FileCount, version.RawBytes, version.StoredBytes,
            version.RequestedAt, version.PublishedAt);
}
