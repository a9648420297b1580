namespace Mist.Client.Config;

/// <summary>
/// Where the client's settings come from: the command line first, then the environment
/// (MIST_SERVER, MIST_TOKEN, MIST_CONFIG_DIR), then the defaults. Environment reads go through
/// <paramref name="getVariable"/> so tests need not touch the process environment.
/// </summary>
public sealed class ClientEnvironment(Func<string, string?> getVariable)
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    public static ClientEnvironment Process { get; } =
        new(Environment.GetEnvironmentVariable);

    public Uri ResolveServer(string? serverOption)
    {
        var chosen = NonEmpty(serverOption) ?? NonEmpty(getVariable("MIST_SERVER"));
        return ServerKey.Parse(chosen ?? DefaultServer);
    }

    public string ResolveConfigDirectory()
    {
        if (NonEmpty(getVariable("MIST_CONFIG_DIR")) is { } configured)
        {
            return Path.GetFullPath(configured);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "mist");
    }

    public CredentialStore OpenCredentials() => new(ResolveConfigDirectory());

    /// <summary>MIST_TOKEN when set, otherwise the token saved by login for this server.</summary>
    public async Task<string?> ResolveTokenAsync(Uri server, CancellationToken cancellationToken)
    {
        if (NonEmpty(getVariable("MIST_TOKEN")) is { } token)
        {
            return token;
        }

        var login = await OpenCredentials().GetAsync(server.AbsoluteUri, cancellationToken);
        return login?.AccessToken;
    }

    // Passwords are taken as they are: spaces may be part of one.
    public string? Password => getVariable("MIST_PASSWORD") is { Length: > 0 } p ? p : null;

    private static string? NonEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
