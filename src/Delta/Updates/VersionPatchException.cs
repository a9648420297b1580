namespace Mist.Delta.Updates;

/// <summary>
/// A version patch is malformed, or cannot be applied to what is installed: the base differs
/// from the one the patch was made for, or a payload, chunk or rebuilt file has the wrong
/// content. Thrown before anything installed has been changed.
/// </summary>
public sealed class VersionPatchException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public VersionPatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the failure that revealed it.</summary>
    public VersionPatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
