using FluentValidation;
using Mediator;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Versions.PublishVersion;

/// <summary>Makes an ingested version available to players on a branch, and starts its patch
/// chain through the outbox, so the chain starts exactly when the publication commits.</summary>
public sealed record PublishVersion(string Slug, string Label, string Branch)
    : ICommand<VersionChange>;

public sealed class PublishVersionValidator : AbstractValidator<PublishVersion>
{
    public PublishVersionValidator()
    {
        RuleFor(c => c.Branch)
            .Must(Naming.IsValidBranch)
            .WithMessage("A branch is 1 to 64 lower-case letters, digits and inner hyphens.");
    }
}

public sealed class PublishVersionHandler(IEventLog log, TimeProvider clock)
    : ICommandHandler<PublishVersion, VersionChange>
{
    public async ValueTask<VersionChange> Handle(
        PublishVersion command,
        CancellationToken cancellationToken)
    {
        var version = await log.LoadExistingAsync(command.Slug, command.Label, cancellationToken);

        var published = version.State.Publish(command.Branch, clock.GetUtcNow());

        await log.AppendAsync(
            StreamKeys.Version(command.Slug, command.Label),
            version.Version,
            [published],
            [new StartPatchChain(command.Slug, command.Label)],
            cancellationToken);

        return new VersionChange(command.Slug, command.Label, VersionStatus.Published);
    }
}
