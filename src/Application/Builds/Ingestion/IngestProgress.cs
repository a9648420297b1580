namespace Mist.Application.Builds.Ingestion;

/// <summary>How far an ingest has got; totals are known from the start (after the walk).
/// </summary>
public sealed record IngestProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal);
