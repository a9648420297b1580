using System.Text.Json;
using Mist.Api.Catalog;
using Mist.Application.Updates;

namespace Mist.Api.Updates;

/// <summary>
/// An update plan. <c>kind</c> is upToDate, patchChain (apply <c>patches</c> in order),
/// chunks (download the listed chunks the client lacks) or full (download every chunk);
/// <c>fromLabel</c> is null for a fresh install. The client verifies the result against
/// <c>targetManifestHash</c>.
/// </summary>
public sealed record PlanResponse(
    string Kind,
    string? FromLabel,
    string TargetLabel,
    string TargetManifestHash,
    IReadOnlyList<PatchResponse> Patches,
    IReadOnlyList<PlanChunkResponse> Chunks,
    long DownloadBytes,
    long BytesWritten,
    long PeakExtraBytes)
{
    public static PlanResponse From(UpdatePlan plan) =>
        new(JsonNamingPolicy.CamelCase.ConvertName(plan.Kind.ToString()), plan.FromLabel,
            plan.TargetLabel, plan.TargetManifestHash,
            [.. plan.Patches.Select(PatchResponse.Of)],
            [.. plan.Chunks.Select(PlanChunkResponse.From)],
            plan.DownloadBytes, plan.BytesWritten, plan.PeakExtraBytes);
}
