namespace Mist.Delta.Updates;

/// <summary>
/// A version patch whose changed and new files are all written to staging and verified:
/// what remains is to run <see cref="Operations"/> in order
/// (<see cref="VersionPatchApplier.Swap"/>).
/// </summary>
/// <param name="InstallRoot">The installed folder the operations act on.</param>
/// <param name="StagingRoot">The folder holding the staged files.</param>
/// <param name="Operations">The swap, in the order it must run.</param>
public sealed record StagedUpdate(
    string InstallRoot,
    string StagingRoot,
    IReadOnlyList<SwapOperation> Operations);
