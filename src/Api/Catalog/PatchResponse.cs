using Mist.Application.Catalog;
using Mist.Application.Updates;

namespace Mist.Api.Catalog;

/// <summary>
/// A completed patch from version <c>from</c> to version <c>to</c>. Its manifest is the blob
/// <c>patchManifestHash</c> (<c>GET /api/blobs/{hash}</c>, zstd-compressed JSON); sizes are what
/// applying it costs a client.
/// </summary>
public sealed record PatchResponse(
    string From,
    string To,
    string PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes)
{
    public static PatchResponse Of(PatchSummary patch) =>
        new(patch.From, patch.To, patch.PatchManifestHash, patch.DownloadBytes,
            patch.BytesWritten, patch.PeakExtraBytes);

    public static PatchResponse Of(PatchFacts patch) =>
        new(patch.From, patch.To, patch.PatchManifestHash, patch.DownloadBytes,
            patch.BytesWritten, patch.PeakExtraBytes);
}
