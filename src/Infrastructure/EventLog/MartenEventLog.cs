using JasperFx;
using Marten;
using Marten.Exceptions;
using Mist.Application.EventLog;
using Mist.Domain.Common;
using Wolverine.Marten;

namespace Mist.Infrastructure.EventLog;

/// <summary>
/// The event log on Marten. Events and outgoing messages commit in one transaction through
/// Wolverine's outbox, so a message never leaves for events that were not stored.
/// </summary>
public sealed class MartenEventLog(IDocumentStore store, IMartenOutbox outbox) : IEventLog
{
    public async Task<StreamState<T>?> LoadAsync<T>(
        string streamKey,
        Func<IReadOnlyList<object>, T> fold,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
        if (events.Count == 0)
        {
            return null;
        }

        return new StreamState<T>(fold([.. events.Select(e => e.Data)]), events[^1].Version);
    }

    public async Task StartAsync(
        string streamKey,
        IReadOnlyList<object> events,
        IReadOnlyList<object> messages,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream(streamKey, events);

        await SaveAsync(session, streamKey, messages, cancellationToken);
    }

    public async Task AppendAsync(
        string streamKey,
        long expectedVersion,
        IReadOnlyList<object> events,
        IReadOnlyList<object> messages,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(streamKey, expectedVersion + events.Count, events);

        await SaveAsync(session, streamKey, messages, cancellationToken);
    }

    private async Task SaveAsync(
        IDocumentSession session,
        string streamKey,
        IReadOnlyList<object> messages,
        CancellationToken cancellationToken)
    {
        outbox.Enroll(session);
        foreach (var message in messages)
        {
            await outbox.SendAsync(message);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            throw DomainException.Conflict(
                $"'{streamKey}' was created by someone else at the same time.");
        }
        catch (ConcurrencyException)
        {
            throw DomainException.Conflict(
                $"'{streamKey}' was changed by someone else at the same time; try again.");
        }
    }
}
