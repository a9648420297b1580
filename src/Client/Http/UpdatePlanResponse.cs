namespace Mist.Client.Http;

/// <summary>
/// The server's answer to <c>GET /api/games/{slug}/plan</c>: how to reach the target and
/// what it costs. <see cref="Patches"/> is set for a patch chain, <see cref="Chunks"/> for a
/// chunk or full download.
/// </summary>
public sealed record UpdatePlanResponse(
    UpdatePlanKind Kind,
    string? FromLabel,
    string TargetLabel,
    string TargetManifestHash,
    IReadOnlyList<PlannedPatch>? Patches,
    IReadOnlyList<PlannedChunk>? Chunks,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes)
{
    public IReadOnlyList<PlannedPatch> PatchList => Patches ?? [];
}
