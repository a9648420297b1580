namespace Mist.Delta.Patching;

/// <summary>
/// The one exception the patch decoder throws for anything wrong with a patch or with the
/// files it is applied to: a malformed or truncated patch, a patch made for another base, or a
/// result that does not hash to the declared target. The message says which.
/// </summary>
public sealed class PatchFormatException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public PatchFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the lower-level failure that revealed it.</summary>
    public PatchFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
