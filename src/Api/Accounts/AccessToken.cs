namespace Mist.Api.Accounts;

/// <summary>A signed bearer token and the moment it stops being accepted.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
