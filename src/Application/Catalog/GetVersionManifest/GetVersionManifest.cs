using Mediator;
using Mist.Application.Storage;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetVersionManifest;

/// <summary>The stored manifest of an ingested version.</summary>
public sealed record GetVersionManifest(string Slug, string Label, bool IncludeUnpublished)
    : IQuery<ManifestContent>;

public sealed class GetVersionManifestHandler(ICatalogReader catalog, IBlobStore blobs)
    : IQueryHandler<GetVersionManifest, ManifestContent>
{
    public async ValueTask<ManifestContent> Handle(
        GetVersionManifest query,
        CancellationToken cancellationToken)
    {
        var version = await catalog.GetVersionAsync(
            query.Slug, query.Label, query.IncludeUnpublished, cancellationToken);
        if (version?.ManifestHash is not { } hash)
        {
            throw DomainException.NotFound(
                $"Game '{query.Slug}' has no ingested version '{query.Label}'.");
        }

        var bytes = await blobs.GetManifestAsync(hash, cancellationToken)
            ?? throw DomainException.NotFound($"Manifest {hash} is not in storage.");
        return new ManifestContent(hash, bytes);
    }
}
