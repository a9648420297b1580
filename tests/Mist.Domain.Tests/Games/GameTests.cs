using Mist.Domain.Common;
using Mist.Domain.Games;

namespace Mist.Domain.Tests.Games;

public sealed class GameTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("space-game")]
    [InlineData("a")]
    [InlineData("game2")]
    public void Register_given_a_valid_slug_registers_the_game(string slug)
    {
        var registered = Game.Register(slug, "  Space Game ", Now);

        registered.ShouldBe(new GameRegistered(slug, "Space Game", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Space")]
    [InlineData("space game")]
    [InlineData("-space")]
    [InlineData("space-")]
    [InlineData("space/../x")]
    public void Register_given_an_invalid_slug_is_refused(string slug)
    {
        Should.Throw<DomainException>(() => Game.Register(slug, "Name", Now))
            .Kind.ShouldBe(DomainErrorKind.Invalid);
    }

    [Fact]
    public void Fold_applies_name_changes_in_order()
    {
        var game = Game.Fold([
            new GameRegistered("g", "First", Now),
            new GameDetailsChanged("g", "Second", Now),
            new GameDetailsChanged("g", "Third", Now),
        ]);

        game.ShouldBe(new Game("g", "Third"));
    }
}
