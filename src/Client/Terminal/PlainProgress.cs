using Mist.Client.Reporting;

namespace Mist.Client.Terminal;

/// <summary>
/// Progress as plain lines for logs and pipes: a line when a phase starts, at each tenth,
/// and when it ends — never the control codes a progress bar needs.
/// </summary>
internal sealed class PlainProgress(TextWriter output) : IProgressSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ProgressPhase, int> _tenthsShown = [];

    public void Report(ProgressPhase phase, long done, long total)
    {
        lock (_gate)
        {
            if (total <= 0)
            {
                return;
            }

            var tenths = (int)Math.Min(10, done * 10 / total);

            // A finished phase that starts at zero again is the next step of a patch chain.
            if (done == 0 && _tenthsShown.GetValueOrDefault(phase) == 10)
            {
                _tenthsShown.Remove(phase);
            }

            if (_tenthsShown.TryGetValue(phase, out var shown) && tenths <= shown)
            {
                return;
            }

            _tenthsShown[phase] = tenths;
            output.WriteLine(
                $"{PhaseNames.Of(phase)} {PhaseNames.Amount(phase, done, total)} ({tenths * 10}%)");
        }
    }

    public void Message(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }
}
