using Mist.Application.Catalog;

namespace Mist.Api.Catalog;

/// <summary>
/// Where a version's build stands. While it ingests, the counts are the worker's last report
/// for the current attempt; totals are zero until the worker has walked the tree.
/// </summary>
public sealed record BuildStatusResponse(
    string Status,
    int Attempt,
    int FilesDone,
    int FilesTotal,
    long BytesDone,
    long BytesTotal,
    string? Error)
{
    public static BuildStatusResponse From(BuildStatus build) =>
        new(build.Status.ToString().ToLowerInvariant(), build.Attempt, build.FilesDone,
            build.FilesTotal, build.BytesDone, build.BytesTotal, build.Error);
}
