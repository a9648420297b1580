using Mediator;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetBuildStatus;

/// <summary>Where a version's build stands and, while it ingests, how far it has got.</summary>
public sealed record GetBuildStatus(string Slug, string Label) : IQuery<BuildStatus>;

public sealed class GetBuildStatusHandler(ICatalogReader catalog)
    : IQueryHandler<GetBuildStatus, BuildStatus>
{
    public async ValueTask<BuildStatus> Handle(
        GetBuildStatus query,
        CancellationToken cancellationToken) =>
        await catalog.GetBuildStatusAsync(query.Slug, query.Label, cancellationToken)
        ?? throw DomainException.NotFound($"Game '{query.Slug}' has no version '{query.Label}'.");
}
