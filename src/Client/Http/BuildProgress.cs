namespace Mist.Client.Http;

/// <summary>Where the server's ingestion of a build stands.</summary>
public sealed record BuildProgress(
    string Status,
    int Attempt,
    long FilesDone,
    long FilesTotal,
    long BytesDone,
    long BytesTotal,
    string? Error)
{
    /// <summary>True once the build is ingested (or published, withdrawn), or failed.</summary>
    public bool IsFinished => !IsRunning;

    public bool IsFailed => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);

    private bool IsRunning =>
        Status.ToLowerInvariant() is "requested" or "ingesting" or "pending" or "running";
}
