namespace Mist.Handlers.Patches;

/// <summary>One pair of a patch chain as the saga tracks it.</summary>
public sealed class PatchChainPair
{
    public string From { get; set; } = "";

    public PatchPairState State { get; set; }

    /// <summary>The attempt the chain waits to hear about.</summary>
    public int Attempt { get; set; } = 1;

    public string? LastError { get; set; }
}
