namespace Mist.Api.Accounts;

/// <summary>The claim names in Mist's access tokens (kept short, as JWT registers them).</summary>
public static class MistClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string SecurityStamp = "stamp";
    public const string Issuer = "mist";
    public const string Audience = "mist";
}
