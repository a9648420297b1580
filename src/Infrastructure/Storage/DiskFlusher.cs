using System.Collections.Concurrent;

namespace Mist.Infrastructure.Storage;

/// <summary>
/// Runs fsync on a few dedicated threads. .NET has no asynchronous fsync, and the thread pool
/// keeps about one thread per core: on a two-core server a pool thread blocked for a few
/// milliseconds per blob leaves a core idle while chunks wait to be compressed. Flushes of
/// different files overlap here, which also lets the file system commit them together.
/// </summary>
internal sealed class DiskFlusher
{
    private const int Threads = 4;

    private readonly BlockingCollection<(FileStream File, TaskCompletionSource Done)> _queue =
        [];

    private readonly Lazy<Thread[]> _threads;

    private DiskFlusher() => _threads = new(Start);

    /// <summary>One per process: the threads wait idle when there is nothing to flush.
    /// </summary>
    public static DiskFlusher Shared { get; } = new();

    public Task FlushToDiskAsync(FileStream file)
    {
        _ = _threads.Value;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((file, done));
        return done.Task;
    }

    private Thread[] Start()
    {
        var threads = Enumerable.Range(0, Threads)
            .Select(i => new Thread(Run) { IsBackground = true, Name = $"mist-fsync-{i}" })
            .ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        return threads;
    }

    private void Run()
    {
        foreach (var (file, done) in _queue.GetConsumingEnumerable())
        {
            try
            {
                file.Flush(flushToDisk: true);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
