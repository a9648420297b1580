namespace Mist.Application.Contracts;

/// <summary>How one attempt at a patch ended.</summary>
public enum PatchOutcome
{
    /// <summary>Stored and verified.</summary>
    Completed,

    /// <summary>Not worth shipping: no smaller than the chunks it would replace.</summary>
    Skipped,

    /// <summary>This attempt failed; the chain may try again.</summary>
    Failed,
}
