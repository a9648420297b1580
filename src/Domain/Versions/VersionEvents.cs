namespace Mist.Domain.Versions;

/// <summary>An admin asked for a build of a version from a folder the server can read.</summary>
public sealed record BuildRequested(
    string Slug,
    string Label,
    string SourcePath,
    DateTimeOffset RequestedAt);

public sealed record BuildIngestStarted(
    string Slug,
    string Label,
    int Attempt,
    DateTimeOffset StartedAt);

/// <summary>Every blob the manifest names is in storage; the manifest itself is stored.</summary>
public sealed record BuildIngested(
    string Slug,
    string Label,
    string ManifestHash,
    int FileCount,
    long RawBytes,
    long StoredBytes,
    DateTimeOffset IngestedAt);

public sealed record BuildFailed(
    string Slug,
    string Label,
    string Reason,
    int Attempt,
    DateTimeOffset FailedAt);

public sealed record VersionPublished(
    string Slug,
    string Label,
    string Branch,
    string ManifestHash,
    DateTimeOffset PublishedAt);

public sealed record VersionWithdrawn(
    string Slug,
    string Label,
    string Reason,
    DateTimeOffset WithdrawnAt);

/// <summary>
/// The patch chain of a published version is closed: every pair it asked for is completed,
/// skipped (not worth shipping) or failed for good. Lists name the base labels. A chain closed
/// by its timeout lists the pairs still open as failed.
/// </summary>
public sealed record PatchChainCompleted(
    string Slug,
    string Label,
    IReadOnlyList<string> Completed,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Failed,
    bool TimedOut,
    DateTimeOffset CompletedAt);
