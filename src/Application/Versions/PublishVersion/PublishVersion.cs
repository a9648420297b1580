using FluentValidation;
using Mediator;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Application.Storage;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Versions.PublishVersion;

/// <summary>Makes an ingested version available to players on a branch, and starts its patch
/// chain through the outbox, so the chain starts exactly when the publication commits.
/// A version whose manifest names a chunk that storage lacks is refused: players could not
/// install it.</summary>
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

public sealed class PublishVersionHandler(IEventLog log, IBlobStore blobs, TimeProvider clock)
    : ICommandHandler<PublishVersion, VersionChange>
{
    public async ValueTask<VersionChange> Handle(
        PublishVersion command,
        CancellationToken cancellationToken)
    {
        var version = await log.LoadExistingAsync(command.Slug, command.Label, cancellationToken);

        var published = version.State.Publish(command.Branch, clock.GetUtcNow());

        await EnsureStoredAsync(published, cancellationToken);

        await log.AppendAsync(
            StreamKeys.Version(command.Slug, command.Label),
            version.Version,
            [published],
            [new StartPatchChain(command.Slug, command.Label)],
            cancellationToken);

        return new VersionChange(command.Slug, command.Label, VersionStatus.Published);
    }

    // A power cut just after an ingest can lose the newest blobs while the manifest survives
    // (see docs/adr/0005-storage-layout.md), so storage is checked, not trusted.
    private async Task EnsureStoredAsync(
        VersionPublished published, CancellationToken cancellationToken)
    {
        var bytes = await blobs.GetManifestAsync(published.ManifestHash, cancellationToken)
            ?? throw DomainException.Conflict(
                $"Version {published.Slug}/{published.Label} cannot be published: its manifest "
                + $"{published.ManifestHash} is missing from storage.");

        var missing = blobs.FindMissingBlobs(ManifestSerializer.Deserialize(bytes));
        if (missing.Count > 0)
        {
            throw DomainException.Conflict(
                $"Version {published.Slug}/{published.Label} cannot be published: storage is "
                + $"missing {missing.Count} of the chunks its manifest names "
                + $"(first: {missing[0]}). Restore them from a backup, or import the build "
                + "again under a new label.");
        }
    }
}
