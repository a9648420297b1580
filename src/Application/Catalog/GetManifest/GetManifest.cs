using FluentValidation;
using Mediator;
using Mist.Application.Storage;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetManifest;

/// <summary>
/// A stored manifest by its hash, if a version the caller may see has it: a player cannot
/// read the tree of a version that is not published.
/// </summary>
public sealed record GetManifest(string Hash, bool IncludeUnpublished) : IQuery<ManifestContent>;

public sealed class GetManifestValidator : AbstractValidator<GetManifest>
{
    public GetManifestValidator()
    {
        RuleFor(q => q.Hash)
            .Must(BlobKey.IsValid)
            .WithMessage("A manifest hash is 64 lower-case hex digits.");
    }
}

public sealed class GetManifestHandler(ICatalogReader catalog, IBlobStore blobs)
    : IQueryHandler<GetManifest, ManifestContent>
{
    public async ValueTask<ManifestContent> Handle(
        GetManifest query,
        CancellationToken cancellationToken)
    {
        var visible = await catalog.IsManifestVisibleAsync(
            query.Hash, query.IncludeUnpublished, cancellationToken);
        var bytes = visible ? await blobs.GetManifestAsync(query.Hash, cancellationToken) : null;

        return bytes is null
            ? throw DomainException.NotFound($"There is no manifest {query.Hash}.")
            : new ManifestContent(query.Hash, bytes);
    }
}
