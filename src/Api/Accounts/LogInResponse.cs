namespace Mist.Api.Accounts;

/// <summary>
/// A bearer token for the <c>Authorization</c> header, when it expires, and who it is for:
/// the user name as registered and the role (admin or player).
/// </summary>
public sealed record LogInResponse(
    string AccessToken,
    DateTimeOffset ExpiresAt,
    string UserName,
    string Role);
