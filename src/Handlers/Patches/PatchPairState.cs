namespace Mist.Handlers.Patches;

public enum PatchPairState
{
    Pending,
    Completed,
    Skipped,
    Failed,
}
