using Mist.Domain.Common;

namespace Mist.Domain.Games;

/// <summary>A game as its stream tells it. Built by folding the game's events.</summary>
public sealed record Game(string Slug, string Name)
{
    public static Game Create(GameRegistered registered) => new(registered.Slug, registered.Name);

    public Game Apply(GameDetailsChanged changed) => this with { Name = changed.Name };

    /// <summary>Folds a game stream's events, oldest first, into its state.</summary>
    public static Game Fold(IEnumerable<object> events)
    {
        Game? game = null;
        foreach (var e in events)
        {
            game = e switch
            {
                GameRegistered registered => Create(registered),
                GameDetailsChanged changed when game is not null => game.Apply(changed),
                _ => game,
            };
        }

        return game ?? throw new InvalidOperationException(
            "A game stream must start with GameRegistered.");
    }

    public static GameRegistered Register(string slug, string name, DateTimeOffset now)
    {
        if (!Naming.IsValidSlug(slug))
        {
            throw DomainException.Invalid($"'{slug}' is not a valid game slug.");
        }

        return new GameRegistered(slug, name.Trim(), now);
    }
}
