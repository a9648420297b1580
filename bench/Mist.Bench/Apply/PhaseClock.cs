using System.Diagnostics;
using Mist.Client.Reporting;

namespace Mist.Bench.Apply;

/// <summary>
/// Notes when the update reaches each stage of applying a patch, and the process CPU time
/// when applying starts: everything before it is fetching the patch, the target manifest and
/// the blobs, which a real client does over the network. The stages follow the progress the
/// updater reports: staging (applying from 0 to its total), then flushing the staged files
/// and writing the journal (until the first placing report), the swap (placing), and the
/// check of what the swap wrote (verifying).
/// </summary>
internal sealed class PhaseClock(Stopwatch clock) : IProgressSink
{
    private readonly Lock _gate = new();

    /// <summary>Elapsed time at the first applying report; null when none came.</summary>
    public TimeSpan? ApplyingStarted { get; private set; }

    /// <summary>Process CPU time at the first applying report.</summary>
    public TimeSpan? CpuAtApplying { get; private set; }

    /// <summary>Elapsed time when applying reported its total: every file staged.</summary>
    public TimeSpan? Staged { get; private set; }

    /// <summary>Elapsed time at the first placing report: the journal is on disk.</summary>
    public TimeSpan? SwapStarted { get; private set; }

    /// <summary>Elapsed time at the first verifying report: the swap is done.</summary>
    public TimeSpan? CheckStarted { get; private set; }

    public void Report(ProgressPhase phase, long done, long total)
    {
        lock (_gate)
        {
            var now = clock.Elapsed;
            switch (phase)
            {
                case ProgressPhase.Applying when ApplyingStarted is null:
                    ApplyingStarted = now;
                    CpuAtApplying = Process.GetCurrentProcess().TotalProcessorTime;
                    break;
                case ProgressPhase.Applying when done == total && total > 0:
                    Staged ??= now;
                    break;
                case ProgressPhase.Placing:
                    SwapStarted ??= now;
                    break;
                case ProgressPhase.Verifying when SwapStarted is not null:
                    CheckStarted ??= now;
                    break;
            }
        }
    }

    public void Message(string text)
    {
    }
}
