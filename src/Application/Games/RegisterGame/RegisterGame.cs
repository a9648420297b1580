using FluentValidation;
using Mediator;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Games;

namespace Mist.Application.Games.RegisterGame;

public sealed record RegisterGame(string Slug, string Name) : ICommand<GameRegistration>;

public sealed record GameRegistration(string Slug, string Name);

public sealed class RegisterGameValidator : AbstractValidator<RegisterGame>
{
    public RegisterGameValidator()
    {
        RuleFor(c => c.Slug)
            .Must(Naming.IsValidSlug)
            .WithMessage("A slug is 1 to 64 lower-case letters, digits and inner hyphens.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
    }
}

public sealed class RegisterGameHandler(IEventLog log, TimeProvider clock)
    : ICommandHandler<RegisterGame, GameRegistration>
{
    public async ValueTask<GameRegistration> Handle(
        RegisterGame command,
        CancellationToken cancellationToken)
    {
        var registered = Game.Register(command.Slug, command.Name, clock.GetUtcNow());

        // The store refuses a second stream too, but only as a race's last word: checked here,
        // the refusal names the game and is not logged as a failed save.
        if (await log.LoadAsync(StreamKeys.Game(command.Slug), Game.Fold, cancellationToken)
            is not null)
        {
            throw DomainException.Conflict($"There is a game '{command.Slug}' already.");
        }

        await log.StartAsync(StreamKeys.Game(command.Slug), [registered], [], cancellationToken);

        return new GameRegistration(registered.Slug, registered.Name);
    }
}
