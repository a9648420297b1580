using Marten;

namespace Mist.Projections.Rebuild;

/// <summary>Reads the whole event log in order of its global sequence, a page at a time.</summary>
public sealed class EventLogPages(IDocumentStore store)
{
    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(
        long after,
        long upTo,
        int pageSize,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => new LoggedEvent(e.Sequence, e.Data))];
    }
}
