namespace Mist.Client.Http;

/// <summary>One step of a patch chain: the patch manifest blob that turns version
/// <see cref="From"/> into <see cref="To"/>, and what applying it costs.</summary>
public sealed record PlannedPatch(
    string From,
    string To,
    string PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes);
