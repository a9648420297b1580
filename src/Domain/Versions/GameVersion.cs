using Mist.Domain.Common;

namespace Mist.Domain.Versions;

/// <summary>
/// A version of a game as its stream tells it. Decisions are pure functions of this state,
/// the command's values and the time, and return the events they cause.
/// </summary>
public sealed record GameVersion(
    string Slug,
    string Label,
    string SourcePath,
    VersionStatus Status,
    int Attempts,
    string? ManifestHash,
    string? Branch)
{
    public static GameVersion Create(BuildRequested requested) =>
        new(requested.Slug, requested.Label, requested.SourcePath, VersionStatus.Requested, 0, null,
            null);

    public GameVersion Apply(BuildIngestStarted started) =>
        this with { Status = VersionStatus.Ingesting, Attempts = started.Attempt };

    public GameVersion Apply(BuildIngested ingested) =>
        this with { Status = VersionStatus.Ingested, ManifestHash = ingested.ManifestHash };

    public GameVersion Apply(BuildFailed failed) => this with { Status = VersionStatus.Failed };

    public GameVersion Apply(VersionPublished published) =>
        this with { Status = VersionStatus.Published, Branch = published.Branch };

    public GameVersion Apply(VersionWithdrawn withdrawn) =>
        this with { Status = VersionStatus.Withdrawn };

    /// <summary>Folds a version stream's events, oldest first, into its state.</summary>
    public static GameVersion Fold(IEnumerable<object> events)
    {
        GameVersion? version = null;
        foreach (var e in events)
        {
            version = (e, version) switch
            {
                (BuildRequested requested, _) => Create(requested),
                (BuildIngestStarted started, not null) => version.Apply(started),
                (BuildIngested ingested, not null) => version.Apply(ingested),
                (BuildFailed failed, not null) => version.Apply(failed),
                (VersionPublished published, not null) => version.Apply(published),
                (VersionWithdrawn withdrawn, not null) => version.Apply(withdrawn),
                _ => version,
            };
        }

        return version ?? throw new InvalidOperationException(
            "A version stream must start with BuildRequested.");
    }

    public static BuildRequested RequestBuild(
        string slug,
        string label,
        string sourcePath,
        DateTimeOffset now)
    {
        if (!Naming.IsValidLabel(label))
        {
            throw DomainException.Invalid($"'{label}' is not a valid version label.");
        }

        return new BuildRequested(slug, label, sourcePath, now);
    }

    /// <summary>
    /// Starts an ingest attempt. Returns nothing when the build is already done, so a
    /// redelivered ingest message does no work twice.
    /// </summary>
    public BuildIngestStarted? StartIngest(DateTimeOffset now) => Status switch
    {
        VersionStatus.Requested or VersionStatus.Ingesting or VersionStatus.Failed =>
            new BuildIngestStarted(Slug, Label, Attempts + 1, now),
        _ => null,
    };

    public BuildIngested CompleteIngest(
        string manifestHash,
        int fileCount,
        long rawBytes,
        long storedBytes,
        DateTimeOffset now)
    {
        if (Status != VersionStatus.Ingesting)
        {
            throw DomainException.Conflict(
                $"Version {Slug}/{Label} is {Status}, not being ingested.");
        }

        return new BuildIngested(Slug, Label, manifestHash, fileCount, rawBytes, storedBytes, now);
    }

    public BuildFailed FailIngest(string reason, DateTimeOffset now)
    {
        if (Status != VersionStatus.Ingesting)
        {
            throw DomainException.Conflict(
                $"Version {Slug}/{Label} is {Status}, not being ingested.");
        }

        return new BuildFailed(Slug, Label, reason, Attempts, now);
    }

    public VersionPublished Publish(string branch, DateTimeOffset now)
    {
        if (!Naming.IsValidBranch(branch))
        {
            throw DomainException.Invalid($"'{branch}' is not a valid branch name.");
        }

        if (Status != VersionStatus.Ingested || ManifestHash is null)
        {
            throw DomainException.Conflict(
                $"Version {Slug}/{Label} is {Status}; only an ingested version can be published.");
        }

        return new VersionPublished(Slug, Label, branch, ManifestHash, now);
    }

    public VersionWithdrawn Withdraw(string reason, DateTimeOffset now)
    {
        if (Status != VersionStatus.Published)
        {
            throw DomainException.Conflict(
                $"Version {Slug}/{Label} is {Status}; only a published version can be withdrawn.");
        }

        return new VersionWithdrawn(Slug, Label, reason, now);
    }
}
