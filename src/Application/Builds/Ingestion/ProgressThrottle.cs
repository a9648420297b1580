namespace Mist.Application.Builds.Ingestion;

/// <summary>Counts work done from several threads and passes a report on at most once per
/// interval, so a fast ingest does not flood a progress bar or the progress table.</summary>
internal sealed class ProgressThrottle(
    IProgress<IngestProgress>? sink,
    int filesTotal,
    long bytesTotal,
    TimeSpan interval,
    TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private int _filesDone;
    private long _bytesDone;
    private long _lastReport = long.MinValue;

    public void Add(int files, long bytes)
    {
        Interlocked.Add(ref _filesDone, files);
        Interlocked.Add(ref _bytesDone, bytes);
        if (sink is null)
        {
            return;
        }

        var now = timeProvider.GetTimestamp();
        if (_lastReport != long.MinValue &&
            timeProvider.GetElapsedTime(Interlocked.Read(ref _lastReport), now) < interval)
        {
            return;
        }

        lock (_gate)
        {
            if (_lastReport == long.MinValue ||
                timeProvider.GetElapsedTime(_lastReport, now) >= interval)
            {
                Interlocked.Exchange(ref _lastReport, now);
                sink.Report(Snapshot());
            }
        }
    }

    public void ReportFinal() => sink?.Report(Snapshot());

    private IngestProgress Snapshot() => new(
        Volatile.Read(ref _filesDone), filesTotal, Interlocked.Read(ref _bytesDone), bytesTotal);
}
