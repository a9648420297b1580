namespace Mist.Client.Install;

/// <summary>An install or verify cannot go on, for a reason the user can read and act on.</summary>
public sealed class InstallException(string message, Exception? innerException = null)
    : Exception(message, innerException);
