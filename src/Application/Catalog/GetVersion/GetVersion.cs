using Mediator;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetVersion;

/// <summary>One version of a game; players see it only once published.</summary>
public sealed record GetVersion(string Slug, string Label, bool IncludeUnpublished)
    : IQuery<VersionSummary>;

public sealed class GetVersionHandler(ICatalogReader catalog)
    : IQueryHandler<GetVersion, VersionSummary>
{
    public async ValueTask<VersionSummary> Handle(
        GetVersion query,
        CancellationToken cancellationToken) =>
        await catalog.GetVersionAsync(
            query.Slug, query.Label, query.IncludeUnpublished, cancellationToken)
        ?? throw DomainException.NotFound($"Game '{query.Slug}' has no version '{query.Label}'.");
}
