namespace Mist.Client.Http;

/// <summary>
/// One version of a game. <see cref="Status"/> is one of requested, ingesting, ingested,
/// failed, published, withdrawn.
/// </summary>
public sealed record VersionSummary(
    string Label,
    string Status,
    string? Branch,
    string? ManifestHash,
    int? FileCount,
    long? RawBytes,
    long? StoredBytes,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? PublishedAt)
{
    public bool IsPublished => Is("published");

    public bool IsWithdrawn => Is("withdrawn");

    private bool Is(string status) =>
        string.Equals(Status, status, StringComparison.OrdinalIgnoreCase);
}
