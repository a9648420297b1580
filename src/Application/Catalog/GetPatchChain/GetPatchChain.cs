using Mediator;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetPatchChain;

/// <summary>The patch chain of a version, for admins and scripts that wait for it.</summary>
public sealed record GetPatchChain(string Slug, string Label) : IQuery<PatchChainStatus>;

public sealed class GetPatchChainHandler(ICatalogReader catalog)
    : IQueryHandler<GetPatchChain, PatchChainStatus>
{
    public async ValueTask<PatchChainStatus> Handle(
        GetPatchChain query,
        CancellationToken cancellationToken) =>
        await catalog.GetPatchChainAsync(query.Slug, query.Label, cancellationToken)
        ?? throw DomainException.NotFound($"Game '{query.Slug}' has no version '{query.Label}'.");
}
