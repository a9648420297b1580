using Microsoft.Extensions.Logging;
using Mist.Application.Builds.Ingestion;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Handlers.Builds;

/// <summary>
/// Ingests a requested build on the worker side. Safe to run twice: a version that is
/// already ingested ignores the message, and a redelivery after a crash starts a new attempt
/// that re-hashes the tree but stores no blob twice.
/// </summary>
public static partial class IngestBuildHandler
{
    public static async Task Handle(
        IngestBuild message,
        IEventLog log,
        BuildIngestor ingestor,
        BuildProgressReporter reporter,
        TimeProvider clock,
        ILogger<IngestBuild> logger,
        CancellationToken cancellationToken)
    {
        var key = StreamKeys.Version(message.Slug, message.Label);
        var loaded = await log.LoadAsync(key, GameVersion.Fold, cancellationToken);
        var started = loaded?.State.StartIngest(clock.GetUtcNow());
        if (loaded is null || started is null)
        {
            LogIgnored(logger, message.Slug, message.Label, loaded?.State.Status);
            return;
        }

        await log.AppendAsync(key, loaded.Version, [started], [], cancellationToken);
        var version = loaded.State.Apply(started);
        LogStarted(logger, message.Slug, message.Label, started.Attempt, version.SourcePath);

        var outcome = await IngestAsync(
            version, started.Attempt, ingestor, reporter, clock, logger, cancellationToken);

        await log.AppendAsync(key, loaded.Version + 1, [outcome], [], cancellationToken);
    }

    private static async Task<object> IngestAsync(
        GameVersion version,
        int attempt,
        BuildIngestor ingestor,
        BuildProgressReporter reporter,
        TimeProvider clock,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        await using var progress = reporter.Start(version.Slug, version.Label, attempt);
        try
        {
            var result = await ingestor.IngestAsync(
                version.SourcePath, progress, cancellationToken);
            LogIngested(logger, version.Slug, version.Label, result.FileCount, result.RawBytes,
                result.StoredBytes);

            return version.CompleteIngest(result.ManifestHash, result.FileCount,
                result.RawBytes, result.StoredBytes, clock.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything but a shutdown ends this attempt: the reason goes into the log for the
            // admin, who can fix the source or the disk and request the build again.
            LogFailed(logger, e, version.Slug, version.Label, attempt);
            return version.FailIngest(Describe(e), clock.GetUtcNow());
        }
    }

    private static string Describe(Exception e) => e switch
    {
        IngestException => e.Message,
        IOException => $"Storage failed: {e.Message}",
        UnauthorizedAccessException => $"Access denied: {e.Message}",
        _ => $"Unexpected {e.GetType().Name}: {e.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingesting {GameSlug}/{VersionLabel}, attempt {Attempt}, from {SourcePath}")]
    private static partial void LogStarted(
        ILogger logger, string gameSlug, string versionLabel, int attempt, string sourcePath);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingested {GameSlug}/{VersionLabel}: {FileCount} files, {RawBytes} bytes, " +
            "{StoredBytes} stored")]
    private static partial void LogIngested(ILogger logger, string gameSlug, string versionLabel,
        int fileCount, long rawBytes, long storedBytes);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Ingest of {GameSlug}/{VersionLabel} failed on attempt {Attempt}")]
    private static partial void LogFailed(
        ILogger logger, Exception exception, string gameSlug, string versionLabel, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ignored an ingest request for {GameSlug}/{VersionLabel} in status {Status}")]
    private static partial void LogIgnored(
        ILogger logger, string gameSlug, string versionLabel, VersionStatus? status);
}
