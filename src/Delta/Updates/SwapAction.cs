namespace Mist.Delta.Updates;

/// <summary>One step of swapping a staged update into an installed folder.</summary>
public enum SwapAction
{
    /// <summary>Remove a file or symbolic link the target does not hold.</summary>
    DeleteFile,

    /// <summary>Remove a directory the target does not hold, once its contents are gone.
    /// A directory that still holds files the patch does not know of (saves, logs) is kept.
    /// </summary>
    DeleteDirectory,

    /// <summary>Create a target directory.</summary>
    CreateDirectory,

    /// <summary>Move a staged, verified file over its target path.</summary>
    MoveIn,

    /// <summary>Set or clear the executable bit of an unchanged file.</summary>
    SetExecutable,

    /// <summary>Create (or replace) a symbolic link.</summary>
    CreateSymlink,
}
