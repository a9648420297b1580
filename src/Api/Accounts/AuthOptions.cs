namespace Mist.Api.Accounts;

/// <summary>How access tokens are signed and how long they last (section Mist:Auth).</summary>
public sealed class AuthOptions
{
    public const string Section = "Mist:Auth";

    /// <summary>
    /// Base64 of at least 32 random bytes. When absent, a key is generated once and kept
    /// under the data root, so that tokens survive a restart.
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
