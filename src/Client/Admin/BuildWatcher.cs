using Mist.Client.Http;
using Mist.Client.Reporting;

namespace Mist.Client.Admin;

/// <summary>Polls a build's ingestion until it is ingested or failed, reporting progress.</summary>
public sealed class BuildWatcher(MistApiClient api, TimeSpan pollInterval)
{
    public async Task<BuildProgress> WaitAsync(
        string game, string label, IProgressSink progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var build = await CatalogLag.TryGetAsync(
                () => api.GetBuildAsync(game, label, cancellationToken), started);
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
}
