using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// One pair of a patch chain. <c>status</c> is requested, completed, failed (the latest
/// attempt failed; another may follow unless the chain is completed) or skipped (not worth
/// shipping).
/// </summary>
public sealed record PatchProgressResponse(
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
    public static PatchProgressResponse Of(PatchProgress patch) =>
        new(patch.From, patch.To, patch.Status.ToString().ToLowerInvariant(),
            patch.PatchManifestHash, patch.DownloadBytes, patch.BytesWritten,
            patch.PeakExtraBytes, patch.Failures, patch.LastError);
}
