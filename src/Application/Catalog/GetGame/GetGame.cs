using Mediator;
using Mist.Domain.Common;

namespace Mist.Application.Catalog.GetGame;

/// <summary>A game and its versions per branch; unpublished ones only for admins.</summary>
public sealed record GetGame(string Slug, bool IncludeUnpublished) : IQuery<GameDetails>;

public sealed class GetGameHandler(ICatalogReader catalog) : IQueryHandler<GetGame, GameDetails>
{
    public async ValueTask<GameDetails> Handle(
        GetGame query,
        CancellationToken cancellationToken) =>
        await catalog.GetGameAsync(query.Slug, query.IncludeUnpublished, cancellationToken)
        ?? throw DomainException.NotFound($"There is no game '{query.Slug}'.");
}
