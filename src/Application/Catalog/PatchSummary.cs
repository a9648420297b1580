namespace Mist.Application.Catalog;

/// <summary>A completed patch from one version to another, as the catalog lists it.</summary>
public sealed record PatchSummary(
    string From,
    string To,
    string PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes);
