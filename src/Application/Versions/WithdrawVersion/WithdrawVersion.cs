using FluentValidation;
using Mediator;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Versions.WithdrawVersion;

/// <summary>Takes a published version away from players; it is never a target again.</summary>
public sealed record WithdrawVersion(string Slug, string Label, string Reason)
    : ICommand<VersionChange>;

public sealed class WithdrawVersionValidator : AbstractValidator<WithdrawVersion>
{
    public WithdrawVersionValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class WithdrawVersionHandler(IEventLog log, TimeProvider clock)
    : ICommandHandler<WithdrawVersion, VersionChange>
{
    public async ValueTask<VersionChange> Handle(
        WithdrawVersion command,
        CancellationToken cancellationToken)
    {
        var version = await log.LoadExistingAsync(command.Slug, command.Label, cancellationToken);

        var withdrawn = version.State.Withdraw(command.Reason, clock.GetUtcNow());

        await log.AppendAsync(
            StreamKeys.Version(command.Slug, command.Label),
            version.Version,
            [withdrawn],
            [],
            cancellationToken);

        return new VersionChange(command.Slug, command.Label, VersionStatus.Withdrawn);
    }
}
