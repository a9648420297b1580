using Microsoft.Extensions.Logging;
using Mist.Application.Builds;
using Mist.Application.Builds.Ingestion;

namespace Mist.Handlers.Builds;

/// <summary>
/// Carries an ingest's progress to the builds read model. The ingestor reports from its own
/// threads; a background loop writes the latest report every half second, so a slow database
/// never slows ingestion and a burst of reports costs one write.
/// </summary>
public sealed partial class BuildProgressReporter(
    IBuildProgress sink,
    ILogger<BuildProgressReporter> logger)
{
    public BuildProgressSession Start(string slug, string label, int attempt) =>
        new(this, slug, label, attempt);

    /// <summary>Writes one report; a failure is logged, since progress is only a hint.</summary>
    internal async Task<bool> TryWriteAsync(
        string slug, string label, BuildProgressSnapshot snapshot)
    {
        try
        {
            await sink.ReportAsync(slug, label, snapshot, CancellationToken.None);
            return true;
        }
        catch (Exception e)
        {
            LogWriteFailed(e, slug, label);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not record progress of {GameSlug}/{VersionLabel}")]
    private partial void LogWriteFailed(Exception exception, string gameSlug, string versionLabel);
}
