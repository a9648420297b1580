namespace Mist.Client.Http;

/// <summary>The answer to a successful log-in.</summary>
public sealed record LoginResponse(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string UserName,
    string Role);
