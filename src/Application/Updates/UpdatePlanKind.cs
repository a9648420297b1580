namespace Mist.Application.Updates;

/// <summary>How a client gets from what it has to its target.</summary>
public enum UpdatePlanKind
{
    /// <summary>The client already has the target and every chunk of it.</summary>
    UpToDate,

    /// <summary>Apply one or more patches in order; one step is a direct patch.</summary>
    PatchChain,

    /// <summary>Download only the target's chunks the client lacks.</summary>
    Chunks,

    /// <summary>Download every chunk of the target: the client holds none of them.</summary>
    Full,
}
