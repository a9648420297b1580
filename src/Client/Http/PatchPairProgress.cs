namespace Mist.Client.Http;

/// <summary>
/// One pair of a patch chain: the patch from <see cref="From"/> to <see cref="To"/>.
/// <see cref="Status"/> is requested, completed, skipped (not worth shipping) or failed (the
/// latest attempt failed).
/// </summary>
public sealed record PatchPairProgress(
    string From,
    string To,
    string Status,
    string? PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes,
    int Failures,
    string? LastError)
{
    /// <summary>True once the patch is stored or skipped; nothing more happens to it.</summary>
    public bool IsSettled => Is("completed") || Is("skipped");

    public bool IsCompleted => Is("completed");

    private bool Is(string status) =>
        string.Equals(Status, status, StringComparison.OrdinalIgnoreCase);
}
