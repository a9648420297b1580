using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// The patch chain of a version. <c>completed</c> turns true once the chain closed (every
/// pair completed, skipped or failed for good, or the timeout hit: <c>timedOut</c>); a script
/// waits for it.
/// </summary>
public sealed record PatchChainResponse(
    bool Completed,
    bool TimedOut,
    IReadOnlyList<PatchProgressResponse> Patches)
{
    public static PatchChainResponse From(PatchChainStatus chain) =>
        new(chain.Completed, chain.TimedOut, [.. chain.Patches.Select(PatchProgressResponse.Of)]);
}
