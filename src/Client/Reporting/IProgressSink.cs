namespace Mist.Client.Reporting;

/// <summary>
/// Receives progress while an install or a verify runs. Calls come from several threads at
/// once during downloads, so they may arrive slightly out of order.
/// </summary>
public interface IProgressSink
{
    void Report(ProgressPhase phase, long done, long total);

    void Message(string text);
}
