using Mist.Projections.Rebuild;

namespace Mist.Api.Operations;

/// <summary>
/// <c>projections rebuild</c>: replays the event log into shadow tables and swaps them in,
/// printing how far it has got. Safe while servers run: readers keep the old catalog until
/// the swap, and the daemon carries on from its checkpoint.
/// </summary>
public static class ProjectionsCommand
{
    public static async Task<int> RunAsync(
        IServiceProvider services,
        string[] args,
        CancellationToken cancellationToken)
    {
        if (args is not ["rebuild"])
        {
            Console.Error.WriteLine("usage: Mist.Api projections rebuild");
            return 2;
        }

        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler stop = (_, e) =>
        {
            // The shadow tables are left behind and dropped by the next rebuild; the live
            // catalog is untouched.
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += stop;

        RebuildProgress result;
        try
        {
            Console.WriteLine("Rebuilding the catalog read models from the event log...");
            var rebuilder = services.GetRequiredService<ReadModelRebuilder>();
            result = await rebuilder.RebuildAsync(new ConsoleProgress(), interrupted.Token);
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }

        Console.WriteLine(
            $"Done: {result.EventsApplied} events replayed up to sequence {result.Sequence}; " +
            "the new tables are live.");
        return 0;
    }

    /// <summary>Prints at most one line a second; reports arrive in order, on one thread.</summary>
    private sealed class ConsoleProgress : IProgress<RebuildProgress>
    {
        private DateTime _lastLine = DateTime.MinValue;

        public void Report(RebuildProgress value)
        {
            var now = DateTime.UtcNow;
            if (now - _lastLine < TimeSpan.FromSeconds(1) && value.Sequence < value.Target)
            {
                return;
            }

            _lastLine = now;
            var percent = value.Target == 0 ? 100 : 100 * value.Sequence / value.Target;
            Console.WriteLine(
                $"  {value.EventsApplied,10} events  sequence {value.Sequence} of " +
                $"{value.Target}  ({percent}%)");
        }
    }
}
