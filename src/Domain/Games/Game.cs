using Mist.Domain.Common;

namespace Mist.Domain.Games;

/// <summary>A game as its stream tells it. Built by folding the game's events.</summary>
public sealed record Game(string Slug, string Name)
{
    public static Game Create(GameRegistered registered) => new(registered.Slug, registered.Name);

    public Game Apply(GameDetailsChanged changed) => this with { Name = changed.Name };

    public static GameRegistered Register(string slug, string name, DateTimeOffset now)
    {
        if (!Naming.IsValidSlug(slug))
        {
            throw DomainException.Invalid($"'{slug}' is not a valid game slug.");
        }

        return new GameRegistered(slug, name.Trim(), now);
    }
}
