using Mediator;

namespace Mist.Application.Catalog.ListGames;

/// <summary>Every game, with the latest published label of each branch.</summary>
public sealed record ListGames : IQuery<IReadOnlyList<GameSummary>>;

public sealed class ListGamesHandler(ICatalogReader catalog)
    : IQueryHandler<ListGames, IReadOnlyList<GameSummary>>
{
    public async ValueTask<IReadOnlyList<GameSummary>> Handle(
        ListGames query,
        CancellationToken cancellationToken) =>
        await catalog.ListGamesAsync(cancellationToken);
}
