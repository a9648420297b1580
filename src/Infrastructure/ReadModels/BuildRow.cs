namespace Mist.Infrastructure.ReadModels;

/// <summary>The outcome of a version's ingest as the log tells it (table builds).</summary>
public sealed class BuildRow
{
    public required string Slug { get; set; }

    public required string Label { get; set; }

    /// <summary>requested, ingesting, ingested or failed.</summary>
    public required string State { get; set; }

    public int Attempt { get; set; }

    public string? Error { get; set; }

    public int FilesTotal { get; set; }

    public long BytesTotal { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
