namespace Mist.Api.Games;

/// <summary>A game to register: its slug (lower-case, used in URLs) and display name.</summary>
public sealed record RegisterGameRequest(string? Slug, string? Name);
