using Mist.Domain.Versions;
using Mist.Infrastructure.ReadModels;

namespace Mist.Projections.Catalog;

/// <summary>What each version event does to its versions and builds rows.</summary>
internal static class VersionChanges
{
    /// <summary>Sets every column, so a row met again on a replay ends up the same.</summary>
    public static void Request(VersionRow version, BuildRow build, BuildRequested requested)
    {
        var at = requested.RequestedAt.ToUniversalTime();
        version.Status = build.State = Status(VersionStatus.Requested);
        version.SourcePath = requested.SourcePath;
        version.RequestedAt = build.UpdatedAt = at;
        version.Branch = version.ManifestHash = null;
        version.FileCount = build.FilesTotal = 0;
        version.RawBytes = version.StoredBytes = build.BytesTotal = 0;
        version.Attempt = build.Attempt = 0;
        version.FailureReason = version.WithdrawalReason = build.Error = null;
        version.IngestedAt = version.PublishedAt = version.WithdrawnAt = null;
        version.PatchChainCompletedAt = null;
        version.PatchChainTimedOut = false;
    }

    public static void Apply(VersionRow version, BuildRow build, object e)
    {
        switch (e)
        {
            case BuildIngestStarted started:
                version.Status = build.State = Status(VersionStatus.Ingesting);
                version.Attempt = build.Attempt = started.Attempt;
                build.Error = null;
                build.UpdatedAt = started.StartedAt.ToUniversalTime();
                break;
            case BuildIngested ingested:
                version.Status = build.State = Status(VersionStatus.Ingested);
                version.ManifestHash = ingested.ManifestHash;
                version.FileCount = build.FilesTotal = ingested.FileCount;
                version.RawBytes = build.BytesTotal = ingested.RawBytes;
                version.StoredBytes = ingested.StoredBytes;
                version.FailureReason = build.Error = null;
                version.IngestedAt = build.UpdatedAt = ingested.IngestedAt.ToUniversalTime();
                break;
            case BuildFailed failed:
                version.Status = build.State = Status(VersionStatus.Failed);
                version.Attempt = build.Attempt = failed.Attempt;
                version.FailureReason = build.Error = failed.Reason;
                build.UpdatedAt = failed.FailedAt.ToUniversalTime();
                break;
            case VersionPublished published:
                version.Status = Status(VersionStatus.Published);
                version.Branch = published.Branch;
                version.PublishedAt = published.PublishedAt.ToUniversalTime();
                break;
            case VersionWithdrawn withdrawn:
                version.Status = Status(VersionStatus.Withdrawn);
                version.WithdrawalReason = withdrawn.Reason;
                version.WithdrawnAt = withdrawn.WithdrawnAt.ToUniversalTime();
                break;
            case PatchChainCompleted chain:
                version.PatchChainCompletedAt = chain.CompletedAt.ToUniversalTime();
                version.PatchChainTimedOut = chain.TimedOut;
                break;
        }
    }

    private static string Status(VersionStatus status) => CatalogWriter.Status(status);
}
