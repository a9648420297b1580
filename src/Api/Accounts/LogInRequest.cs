namespace Mist.Api.Accounts;

/// <summary>A user name (any letter case) and password to exchange for an access token.</summary>
public sealed record LogInRequest(string? UserName, string? Password);
