namespace Mist.Client.Config;

/// <summary>The client's own configuration is missing, invalid or unreadable.</summary>
public sealed class ConfigException(string message, Exception? innerException = null)
    : Exception(message, innerException);
