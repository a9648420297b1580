namespace Mist.Infrastructure.ReadModels;

/// <summary>A version of a game and where its build stands (table versions).</summary>
public sealed class VersionRow
{
    public required string Slug { get; set; }

    public required string Label { get; set; }

    /// <summary>Lower-case name of <see cref="Mist.Domain.Versions.VersionStatus"/>.</summary>
    public required string Status { get; set; }

    public string? Branch { get; set; }

    public required string SourcePath { get; set; }

    public string? ManifestHash { get; set; }

    public int FileCount { get; set; }

    public long RawBytes { get; set; }

    public long StoredBytes { get; set; }

    public int Attempt { get; set; }

    public string? FailureReason { get; set; }

    public string? WithdrawalReason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? IngestedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When the version's patch chain closed; null while it runs or before.</summary>
    public DateTimeOffset? PatchChainCompletedAt { get; set; }

    public bool PatchChainTimedOut { get; set; }
}
