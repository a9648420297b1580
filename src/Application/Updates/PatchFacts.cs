namespace Mist.Application.Updates;

/// <summary>
/// A completed patch between two versions of a game; also one step of a patch plan.
/// </summary>
/// <param name="From">Label of the base version the patch applies to.</param>
/// <param name="To">Label of the version it produces.</param>
/// <param name="PatchManifestHash">Key of the stored patch manifest (a blob).</param>
/// <param name="DownloadBytes">Payload blobs plus the patch manifest.</param>
/// <param name="BytesWritten">Raw bytes of target files the patch writes.</param>
/// <param name="PeakExtraBytes">
/// Most disk space the patch needs beyond the installed tree while it is applied (staging).
/// </param>
public sealed record PatchFacts(
    string From,
    string To,
    string PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes);
