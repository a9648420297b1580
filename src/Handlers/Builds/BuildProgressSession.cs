using Mist.Application.Builds;
using Mist.Application.Builds.Ingestion;

namespace Mist.Handlers.Builds;

/// <summary>Progress of one ingest attempt; disposing it writes the last report.</summary>
public sealed class BuildProgressSession : IProgress<IngestProgress>, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly BuildProgressReporter _owner;
    private readonly string _slug;
    private readonly string _label;
    private readonly int _attempt;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private IngestProgress? _latest;
    private IngestProgress? _written;

    internal BuildProgressSession(
        BuildProgressReporter owner, string slug, string label, int attempt)
    {
        _owner = owner;
        _slug = slug;
        _label = label;
        _attempt = attempt;
        _loop = Task.Run(LoopAsync);
    }

    public void Report(IngestProgress value) => Volatile.Write(ref _latest, value);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await WriteLatestAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await WriteLatestAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal stops the loop and writes the last report itself.
        }
    }

    private async Task WriteLatestAsync()
    {
        var latest = Volatile.Read(ref _latest);
        if (latest is null || ReferenceEquals(latest, _written))
        {
            return;
        }

        var snapshot = new BuildProgressSnapshot(_attempt, latest.FilesDone, latest.FilesTotal,
            latest.BytesDone, latest.BytesTotal);
        if (await _owner.TryWriteAsync(_slug, _label, snapshot))
        {
            _written = latest;
        }
    }
}
