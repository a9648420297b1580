namespace Mist.Client.Config;

/// <summary>
/// The normal form of a server URL, used to key stored tokens: scheme and host lower-case, no
/// trailing slash, so "HTTP://Host:5080/" and "http://host:5080" share one login.
/// </summary>
public static class ServerKey
{
    public static string Of(string serverUrl) => Parse(serverUrl).AbsoluteUri.TrimEnd('/');

    public static Uri Parse(string serverUrl)
    {
        if (!Uri.TryCreate(serverUrl.Trim(), UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigException(
                $"'{serverUrl}' is not a server URL; expected e.g. http://127.0.0.1:5080.");
        }

        return uri;
    }
}
