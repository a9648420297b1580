namespace Mist.Domain.Patches;

public enum PatchStatus
{
    Requested,
    Completed,
    Failed,
    Skipped,
}
