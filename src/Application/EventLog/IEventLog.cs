namespace Mist.Application.EventLog;

/// <summary>
/// The append-only log of domain events, keyed by stream. Messages passed along with events
/// are sent through the outbox: they leave only if the events commit.
/// </summary>
public interface IEventLog
{
    /// <summary>Loads and folds a stream; null when the stream does not exist.</summary>
    Task<StreamState<T>?> LoadAsync<T>(
        string streamKey,
        Func<IReadOnlyList<object>, T> fold,
        CancellationToken cancellationToken);

    /// <summary>Starts a new stream; a stream with that key already there is a conflict.</summary>
    Task StartAsync(
        string streamKey,
        IReadOnlyList<object> events,
        IReadOnlyList<object> messages,
        CancellationToken cancellationToken);

    /// <summary>
    /// Appends to a stream that must still be at <paramref name="expectedVersion"/>; a writer
    /// that lost the race gets a conflict.
    /// </summary>
    Task AppendAsync(
        string streamKey,
        long expectedVersion,
        IReadOnlyList<object> events,
        IReadOnlyList<object> messages,
        CancellationToken cancellationToken);
}
