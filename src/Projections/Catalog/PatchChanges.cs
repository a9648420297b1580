using Mist.Domain.Patches;
using Mist.Infrastructure.ReadModels;

namespace Mist.Projections.Catalog;

/// <summary>
/// What each patch event does to its patches row. Like the catalog's other rows, every event
/// sets columns to values it carries, so a replay gives the same row.
/// </summary>
internal static class PatchChanges
{
    public static (string Slug, string From, string To)? KeyOf(object e) => e switch
    {
        PatchRequested r => (r.Slug, r.FromLabel, r.ToLabel),
        PatchCompleted c => (c.Slug, c.FromLabel, c.ToLabel),
        PatchSkipped s => (s.Slug, s.FromLabel, s.ToLabel),
        PatchFailed f => (f.Slug, f.FromLabel, f.ToLabel),
        _ => null,
    };

    public static void Apply(ReadModelDbContext db, object e)
    {
        if (KeyOf(e) is not { } key)
        {
            return;
        }

        object[] keyValues = [key.Slug, key.From, key.To];
        var row = db.Patches.Local.FindEntryUntyped(keyValues)?.Entity;
        if (row is null)
        {
            if (e is not PatchRequested)
            {
                return;
            }

            row = new PatchRow
            {
                Slug = key.Slug, FromLabel = key.From, ToLabel = key.To, Status = "",
            };
            db.Patches.Add(row);
        }

        Apply(row, e);
    }

    private static void Apply(PatchRow row, object e)
    {
        switch (e)
        {
            case PatchRequested requested:
                row.Status = Status(PatchStatus.Requested);
                row.BaseManifestHash = requested.BaseManifestHash;
                row.TargetManifestHash = requested.TargetManifestHash;
                row.PatchManifestHash = null;
                row.DownloadBytes = row.BytesWritten = row.PeakExtraBytes = 0;
                row.UpdatedAt = requested.RequestedAt.ToUniversalTime();
                break;
            case PatchCompleted completed:
                row.Status = Status(PatchStatus.Completed);
                row.PatchManifestHash = completed.PatchManifestHash;
                row.DownloadBytes = completed.DownloadBytes;
                row.BytesWritten = completed.BytesWritten;
                row.PeakExtraBytes = completed.PeakExtraBytes;
                row.LastError = null;
                row.UpdatedAt = completed.CompletedAt.ToUniversalTime();
                break;
            case PatchSkipped skipped:
                row.Status = Status(PatchStatus.Skipped);
                row.DownloadBytes = skipped.PatchBytes;
                row.LastError = null;
                row.UpdatedAt = skipped.SkippedAt.ToUniversalTime();
                break;
            case PatchFailed failed:
                row.Status = Status(PatchStatus.Failed);
                row.Failures = failed.Attempt;
                row.LastError = failed.Reason;
                row.UpdatedAt = failed.FailedAt.ToUniversalTime();
                break;
        }
    }

    private static string Status(PatchStatus status) => status.ToString().ToLowerInvariant();
}
