namespace Mist.Handlers.Patches;

/// <summary>Settings of patch chains (section <c>Mist:Patches</c>).</summary>
public sealed class PatchChainOptions
{
    public const string Section = "Mist:Patches";

    /// <summary>How many earlier versions of the branch get a direct patch to a new one
    /// (ADR 0009 says why 4).</summary>
    public int DirectCount { get; set; } = 4;

    /// <summary>Waits before each retry of a failed pair; a pair gets one attempt more than
    /// there are delays. Empty means the defaults: 5 s, 30 s, 2 min.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>How long a chain may run before it closes with what is done.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays.Count > 0
        ? RetryDelays
        : [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    public int MaxAttempts => EffectiveRetryDelays.Count + 1;
}
