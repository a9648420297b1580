namespace Mist.Client.Verify;

public enum DifferenceKind
{
    /// <summary>The manifest has the entry; the folder does not.</summary>
    Missing,

    /// <summary>The folder has an entry the manifest does not.</summary>
    Extra,

    /// <summary>A file where a directory should be, a link instead of a file, and so on.</summary>
    WrongKind,

    WrongSize,

    /// <summary>Same size, other bytes.</summary>
    ChangedContent,

    WrongExecutable,

    WrongLinkTarget,
}
