using System.Diagnostics;
using Mist.Client.Reporting;

namespace Mist.Bench.Apply;

/// <summary>Notes when the update first reports applying, and the process CPU time then:
/// everything before it is fetching the patch, the target manifest and the blobs, which a
/// real client does over the network.</summary>
internal sealed class PhaseClock(Stopwatch clock) : IProgressSink
{
    private readonly Lock _gate = new();

    /// <summary>Elapsed time at the first applying report; null when none came.</summary>
    public TimeSpan? ApplyingStarted { get; private set; }

    /// <summary>Process CPU time at the first applying report.</summary>
    public TimeSpan? CpuAtApplying { get; private set; }

    public void Report(ProgressPhase phase, long done, long total)
    {
        if (phase != ProgressPhase.Applying)
        {
            return;
        }

        lock (_gate)
        {
            if (ApplyingStarted is null)
            {
                ApplyingStarted = clock.Elapsed;
                CpuAtApplying = Process.GetCurrentProcess().TotalProcessorTime;
            }
        }
    }

    public void Message(string text)
    {
    }
}
