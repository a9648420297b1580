using Mist.Domain.Patches;

namespace Mist.Application.Catalog;

/// <summary>One pair of a patch chain and where it stands.</summary>
public sealed record PatchProgress(
    string From,
    string To,
    PatchStatus Status,
    string? PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes,
    int Failures,
    string? LastError);
