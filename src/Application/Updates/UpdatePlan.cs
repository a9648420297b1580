namespace Mist.Application.Updates;

/// <summary>
/// The cheapest way, by bytes to download, from a client's state to its target.
/// </summary>
/// <param name="Kind">Which of the ways was chosen.</param>
/// <param name="FromLabel">The client's installed version, if it named one.</param>
/// <param name="TargetLabel">The resolved target version.</param>
/// <param name="TargetManifestHash">Manifest the client verifies against once done.</param>
/// <param name="Patches">For a patch chain, the patches to apply in order; else empty.</param>
/// <param name="Chunks">
/// For a chunk or full download, the chunks to fetch, ordered by hash; else empty.
/// </param>
/// <param name="DownloadBytes">Total bytes fetched from the server.</param>
/// <param name="BytesWritten">Raw bytes written to disk.</param>
/// <param name="PeakExtraBytes">Most disk space needed at once beyond the installed tree.</param>
public sealed record UpdatePlan(
    UpdatePlanKind Kind,
    string? FromLabel,
    string TargetLabel,
    string TargetManifestHash,
    IReadOnlyList<PatchFacts> Patches,
    IReadOnlyList<ChunkFact> Chunks,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes);
