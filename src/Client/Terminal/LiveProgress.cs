using Mist.Client.Reporting;
using Spectre.Console;

namespace Mist.Client.Terminal;

/// <summary>Progress bars, one per phase, for a terminal.</summary>
internal sealed class LiveProgress(ProgressContext context) : IProgressSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ProgressPhase, ProgressTask> _tasks = [];

    public void Report(ProgressPhase phase, long done, long total)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(phase, out var task))
            {
                // A phase with nothing to do (no files to check, nothing to download) is noise.
                if (total <= 0)
                {
                    return;
                }

                task = context.AddTask(PhaseNames.Of(phase), maxValue: Math.Max(total, 1));
                _tasks[phase] = task;
            }

            // Reports from parallel downloads can arrive out of order; the bar never goes back,
            // unless a finished phase starts again at zero (the next step of a patch chain).
            var restarts = done == 0 && task.Value >= task.MaxValue;
            task.MaxValue = Math.Max(total, 1);
            task.Value = restarts ? 0 : Math.Max(task.Value, done);
            task.Description = $"{PhaseNames.Of(phase)} {PhaseNames.Amount(phase, done, total)}";
        }
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{text}[/]");
        }
    }

    public static Task<T> RunAsync<T>(Func<IProgressSink, Task<T>> work)
    {
        if (!Output.IsInteractive)
        {
            return work(new PlainProgress(Console.Out));
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => work(new LiveProgress(context)));
    }
}
