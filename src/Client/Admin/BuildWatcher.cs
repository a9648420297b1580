using Mist.Client.Http;
using Mist.Client.Reporting;

namespace Mist.Client.Admin;

/// <summary>Polls a build's ingestion until it is ingested or failed, reporting progress.</summary>
public sealed class BuildWatcher(MistApiClient api, TimeSpan pollInterval)
{
    // The catalog is a projection of the event log and may trail the import request by a
    // moment; until then the build is unknown (404) rather than missing.
    private static readonly TimeSpan CatalogLag = TimeSpan.FromSeconds(30);

    public async Task<BuildProgress> WaitAsync(
        string game, string label, IProgressSink progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var build = await TryGetAsync(game, label, started, cancellationToken);
            if (build is not null)
            {
                if (build.IsFinished)
                {
                    progress.Report(ProgressPhase.Ingesting, build.BytesTotal, build.BytesTotal);
                    return build;
                }

                // Totals are zero until the server has walked the build's tree; a bar over
                // nothing would read as done.
                if (build.BytesTotal > 0)
                {
                    progress.Report(ProgressPhase.Ingesting, build.BytesDone, build.BytesTotal);
                }
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    private async Task<BuildProgress?> TryGetAsync(
        string game, string label, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetBuildAsync(game, label, cancellationToken);
        }
        catch (MistApiException e) when (
            e.StatusCode == 404 && DateTimeOffset.UtcNow - started < CatalogLag)
        {
            return null;
        }
    }
}
