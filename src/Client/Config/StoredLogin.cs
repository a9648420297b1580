namespace Mist.Client.Config;

/// <summary>A token kept for one server after <c>mist login</c>.</summary>
public sealed record StoredLogin(
    string AccessToken,
    string UserName,
    string Role,
    DateTimeOffset ExpiresAt);
