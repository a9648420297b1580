using Mist.Domain.Patches;

namespace Mist.Handlers.Patches;

/// <summary>A patch's state and the latest request for it, which names the manifests.</summary>
public sealed record PatchStream(Patch Patch, PatchRequested Request)
{
    public static PatchStream Fold(IReadOnlyList<object> events) =>
        new(Patch.Fold(events), events.OfType<PatchRequested>().Last());
}
