namespace Mist.Client.Reporting;

/// <summary>Progress that goes nowhere, for callers that do not show any.</summary>
public sealed class SilentProgress : IProgressSink
{
    public static SilentProgress Instance { get; } = new();

    public void Report(ProgressPhase phase, long done, long total)
    {
    }

    public void Message(string text)
    {
    }
}
