using Mist.Domain.Common;

namespace Mist.Domain.Patches;

/// <summary>
/// A patch between two versions as its stream tells it. Completion is recorded once: a
/// redelivered or late result for a settled patch changes nothing.
/// </summary>
public sealed record Patch(
    string Slug,
    string FromLabel,
    string ToLabel,
    PatchStatus Status,
    int Failures)
{
    public static Patch Fold(IEnumerable<object> events)
    {
        Patch? patch = null;
        foreach (var e in events)
        {
            patch = (e, patch) switch
            {
                (PatchRequested r, _) => new Patch(r.Slug, r.FromLabel, r.ToLabel,
                    PatchStatus.Requested, patch?.Failures ?? 0),
                (PatchCompleted, not null) => patch with { Status = PatchStatus.Completed },
                (PatchSkipped, not null) => patch with { Status = PatchStatus.Skipped },
                (PatchFailed, not null) => patch with
                {
                    Status = PatchStatus.Failed,
                    Failures = patch.Failures + 1,
                },
                _ => patch,
            };
        }

        return patch ?? throw new InvalidOperationException(
            "A patch stream must start with PatchRequested.");
    }

    public bool IsSettled => Status is PatchStatus.Completed or PatchStatus.Skipped;

    /// <summary>Records a finished patch, or nothing when the patch is settled already.</summary>
    public PatchCompleted? Complete(PatchCompleted completed) =>
        IsSettled ? null : completed;

    /// <summary>Records a failed attempt, or nothing when the patch is settled already.</summary>
    public PatchFailed? Fail(string reason, int attempt, DateTimeOffset now) =>
        IsSettled ? null : new PatchFailed(Slug, FromLabel, ToLabel, reason, attempt, now);

    public PatchSkipped? Skip(long patchBytes, long chunkBytes, DateTimeOffset now) =>
        IsSettled ? null : new PatchSkipped(Slug, FromLabel, ToLabel, patchBytes, chunkBytes, now);

    public static string StreamKey(string slug, string fromLabel, string toLabel) =>
        StreamKeys.Patch(slug, fromLabel, toLabel);
}
