using Marten;
using Marten.Events;
using Mist.Application.EventLog;
using Mist.Domain.Versions;

namespace Mist.Infrastructure.EventLog;

/// <summary>Publications and withdrawals of one game, from Marten's events table.</summary>
public sealed class MartenPublicationHistory(IDocumentStore store) : IPublicationHistory
{
    public async Task<IReadOnlyList<PublishedVersion>> ListAsync(
        string slug,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var prefix = $"version:{slug}:";
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey!.StartsWith(prefix))
            .Where(e => e.EventTypesAre(typeof(VersionPublished), typeof(VersionWithdrawn)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

        var withdrawn = events.Select(e => e.Data).OfType<VersionWithdrawn>()
            .Where(w => w.Slug == slug)
            .Select(w => w.Label)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. events
                .Where(e => e.Data is VersionPublished p && p.Slug == slug)
                .Select(e => (Event: e, Published: (VersionPublished)e.Data))
                .Select(x => new PublishedVersion(x.Published.Label, x.Published.Branch,
                    x.Published.ManifestHash, x.Event.Sequence,
                    withdrawn.Contains(x.Published.Label))),
        ];
    }
}
