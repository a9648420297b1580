using Mist.Domain.Versions;

namespace Mist.Application.Catalog;

/// <summary>A version as the catalog shows it.</summary>
public sealed record VersionSummary(
    string Label,
    VersionStatus Status,
    string? Branch,
    string? ManifestHash,
    int FileCount,
    long RawBytes,
    long StoredBytes,
    DateTimeOffset RequestedAt,
    DateTimeOffset? PublishedAt);
