namespace Mist.Domain.Games;

public sealed record GameRegistered(string Slug, string Name, DateTimeOffset RegisteredAt);

public sealed record GameDetailsChanged(string Slug, string Name, DateTimeOffset ChangedAt);
