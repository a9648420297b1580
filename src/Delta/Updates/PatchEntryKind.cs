namespace Mist.Delta.Updates;

/// <summary>How a client produces one entry of the target version.</summary>
public enum PatchEntryKind
{
    /// <summary>The file is at the same path with the same content; only its executable bit
    /// may change.</summary>
    Unchanged = 0,

    /// <summary>Copied from another base path holding the same content (renames cost nothing).
    /// </summary>
    Copy = 1,

    /// <summary>Rebuilt from a base file and a delta payload.</summary>
    Delta = 2,

    /// <summary>Assembled from its chunks: reused from base files by hash, the rest downloaded.
    /// </summary>
    Chunks = 3,

    /// <summary>A directory (created if missing).</summary>
    Directory = 4,

    /// <summary>A symbolic link, written with its target as given.</summary>
    Symlink = 5,
}
