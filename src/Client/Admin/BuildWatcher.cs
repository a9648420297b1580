using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Reporting;

namespace Mist.Client.Admin;

/// <summary>Polls a build's ingestion until it is ingested or failed, reporting progress.</summary>
public sealed class BuildWatcher(MistApiClient api, TimeSpan pollInterval)
{
    public async Task<BuildProgress> WaitAsync(
        string game, string label, IProgressSink progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var build = await api.GetBuildAsync(game, label, cancellationToken);
            progress.Report(ProgressPhase.Ingesting, build.BytesDone, build.BytesTotal);
            if (build.IsFinished)
            {
                return build;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }
}
