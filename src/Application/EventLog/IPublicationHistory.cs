namespace Mist.Application.EventLog;

/// <summary>
/// Publications read straight from the event log rather than from the read models, which lag:
/// an admin may publish several versions seconds apart, and each chain must see the others.
/// </summary>
public interface IPublicationHistory
{
    /// <summary>Every version of the game ever published, in publication order.</summary>
    Task<IReadOnlyList<PublishedVersion>> ListAsync(
        string slug,
        CancellationToken cancellationToken);
}
