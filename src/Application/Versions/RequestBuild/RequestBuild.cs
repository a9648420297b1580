using Mediator;
using Mist.Application.Contracts;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Games;
using Mist.Domain.Versions;

namespace Mist.Application.Versions.RequestBuild;

/// <summary>Asks for a new version built from a folder under one of the import roots.</summary>
public sealed record RequestBuild(string Slug, string Label, string SourcePath)
    : ICommand<VersionChange>;

public sealed class RequestBuildHandler(IEventLog log, TimeProvider clock)
    : ICommandHandler<RequestBuild, VersionChange>
{
    public async ValueTask<VersionChange> Handle(
        RequestBuild command,
        CancellationToken cancellationToken)
    {
        var game = await log.LoadAsync(StreamKeys.Game(command.Slug), Game.Fold, cancellationToken)
            ?? throw DomainException.NotFound($"There is no game '{command.Slug}'.");

        var requested = GameVersion.RequestBuild(
            game.State.Slug,
            command.Label,
            // The folder as found now, every link followed: the worker reads it later, and a
            // link swapped in on the way meanwhile must not lead it elsewhere.
            LinkFreePath.Resolve(command.SourcePath) ?? Path.GetFullPath(command.SourcePath),
            clock.GetUtcNow());

        if (await log.LoadAsync(
                StreamKeys.Version(command.Slug, command.Label),
                GameVersion.Fold,
                cancellationToken)
            is not null)
        {
            throw DomainException.Conflict(
                $"Game '{command.Slug}' has a version '{command.Label}' already.");
        }

        await log.StartAsync(
            StreamKeys.Version(command.Slug, command.Label),
            [requested],
            [new IngestBuild(command.Slug, command.Label)],
            cancellationToken);

        return new VersionChange(command.Slug, command.Label, VersionStatus.Requested);
    }
}
