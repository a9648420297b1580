using Mist.Client.Http;
using Mist.Client.Reporting;

namespace Mist.Client.Admin;

/// <summary>
/// Polls a published version's patch chain until it closes, reporting each pair as it
/// settles. The server closes every chain, at the latest when its timeout fires; the client's
/// own deadline only guards against a server that stopped working on it.
/// </summary>
public sealed class PatchChainWatcher(MistApiClient api, TimeSpan pollInterval)
{

    /// <exception cref="TimeoutException">The chain is still open at the deadline.</exception>
    public async Task<PatchChainProgress> WaitAsync(
        string game, string label, TimeSpan timeout, IProgressSink progress,
        CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var chain = await CatalogLag.TryGetAsync(
                () => api.GetPatchChainAsync(game, label, cancellationToken), started);
            if (chain is not null)
            {
                Report(chain, reported, progress);
                if (chain.Completed)
                {
                    return chain;
                }
            }

            if (DateTimeOffset.UtcNow - started > timeout)
            {
                throw new TimeoutException(
                    $"The patch chain of {game} {label} is still open after {timeout}.");
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    private static void Report(
        PatchChainProgress chain, HashSet<string> reported, IProgressSink progress)
    {
        var pairs = chain.PairList;
        foreach (var pair in pairs.Where(p => p.IsSettled && reported.Add(p.From)))
        {
            progress.Message(pair.IsCompleted
                ? $"Patch {pair.From} to {pair.To} stored: {pair.DownloadBytes} bytes to download."
                : $"Patch {pair.From} to {pair.To} skipped: no smaller than its chunks.");
        }

        if (pairs.Count > 0)
        {
            progress.Report(
                ProgressPhase.BuildingPatches, pairs.Count(p => p.IsSettled), pairs.Count);
        }
    }
}
