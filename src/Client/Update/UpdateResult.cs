using Mist.Client.Http;

namespace Mist.Client.Update;

/// <summary>
/// What an update did. <see cref="Plan"/> is the server's plan; <see cref="Steps"/> counts
/// the patches applied plus one for a download by chunks; <see cref="FellBackToChunks"/>
/// says a patch was refused and the target was reached by chunks instead.
/// <see cref="BytesDownloaded"/> is every response body received, as the HTTP layer counts.
/// </summary>
public sealed record UpdateResult(
    string Game,
    string FromLabel,
    string ToLabel,
    UpdatePlanKind Plan,
    int Steps,
    bool FellBackToChunks,
    RecoveryOutcome Recovery,
    long BytesDownloaded,
    long BytesWritten,
    IReadOnlyList<string> Refusals);
