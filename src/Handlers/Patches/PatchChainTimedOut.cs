using Wolverine;

namespace Mist.Handlers.Patches;

/// <summary>Closes a patch chain that is still open after its time; scheduled at its start.
/// </summary>
public sealed record PatchChainTimedOut(string PatchChainId, TimeSpan Delay)
    : TimeoutMessage(Delay);
