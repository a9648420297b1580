namespace Mist.Infrastructure.ReadModels;

/// <summary>
/// How far a running ingest has got (table build_progress). Written by the ingest worker while
/// it runs, not derived from the log, so a rebuild leaves it alone.
/// </summary>
public sealed class BuildProgressRow
{
    public required string Slug { get; set; }

    public required string Label { get; set; }

    public int Attempt { get; set; }

    public int FilesDone { get; set; }

    public int FilesTotal { get; set; }

    public long BytesDone { get; set; }

    public long BytesTotal { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
}
