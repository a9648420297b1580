namespace Mist.Handlers.Patches;

/// <summary>What building one patch gave.</summary>
/// <param name="WorthShipping">False when the patch costs as much as the chunks it replaces;
/// it was then not stored.</param>
/// <param name="PatchManifestHash">Key of the stored patch manifest; null when not shipped.
/// </param>
/// <param name="DownloadBytes">What a client downloads to apply the patch.</param>
/// <param name="ChunksOnlyBytes">What it downloads to update by chunks instead.</param>
/// <param name="BytesWritten">Raw bytes of the files the patch writes.</param>
/// <param name="PeakExtraBytes">Staged bytes beside the install before the swap.</param>
/// <param name="EncodeTime">Time spent building the patch.</param>
/// <param name="VerifyTime">Time spent proving it by applying it to the base.</param>
public sealed record GeneratedPatch(
    bool WorthShipping,
    string? PatchManifestHash,
    long DownloadBytes,
    long ChunksOnlyBytes,
    long BytesWritten,
    long PeakExtraBytes,
    TimeSpan EncodeTime,
    TimeSpan VerifyTime = default);
