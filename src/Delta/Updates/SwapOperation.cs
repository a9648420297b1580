namespace Mist.Delta.Updates;

/// <summary>One step of a swap, on a path relative to the installed folder.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Path">The installed path it acts on (a manifest path).</param>
/// <param name="StagedPath">The staged file to move in (MoveIn), a full path.</param>
/// <param name="Executable">The executable bit to set (MoveIn, SetExecutable).</param>
/// <param name="LinkTarget">The link's target (CreateSymlink).</param>
public sealed record SwapOperation(
    SwapAction Action,
    string Path,
    string? StagedPath = null,
    bool Executable = false,
    string? LinkTarget = null);
