namespace Mist.Domain.Patches;

/// <summary>A patch from one published version to another was asked of the workers.</summary>
public sealed record PatchRequested(
    string Slug,
    string FromLabel,
    string ToLabel,
    string BaseManifestHash,
    string TargetManifestHash,
    DateTimeOffset RequestedAt);

/// <summary>
/// The patch is stored and was verified by applying it. Its manifest names the exact base and
/// target manifests; the payload blobs are in storage. <see cref="EncodeTime"/> and
/// <see cref="VerifyTime"/> are the time spent in the delta engine building and applying it;
/// events recorded before VerifyTime existed read it as zero.
/// </summary>
public sealed record PatchCompleted(
    string Slug,
    string FromLabel,
    string ToLabel,
    string PatchManifestHash,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes,
    int Attempt,
    TimeSpan EncodeTime,
    DateTimeOffset CompletedAt,
    TimeSpan VerifyTime = default);

public sealed record PatchFailed(
    string Slug,
    string FromLabel,
    string ToLabel,
    string Reason,
    int Attempt,
    DateTimeOffset FailedAt);

/// <summary>
/// The patch would cost as much as downloading the chunks it replaces, so it is not shipped.
/// </summary>
public sealed record PatchSkipped(
    string Slug,
    string FromLabel,
    string ToLabel,
    long PatchBytes,
    long ChunkBytes,
    DateTimeOffset SkippedAt);
