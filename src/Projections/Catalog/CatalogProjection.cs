using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Mist.Application.Storage;
using Mist.Infrastructure.ReadModels;
using Microsoft.Extensions.Logging;

namespace Mist.Projections.Catalog;

/// <summary>
/// Projects game, version and patch events into the catalog tables (games, versions,
/// version_entries, builds, patches). Marten runs it in its async daemon; the rows are written
/// by a transaction participant inside the daemon's own transaction, so rows and the
/// projection's checkpoint commit together or not at all.
/// </summary>
public sealed class CatalogProjection(IBlobStore blobs, ILogger<CatalogProjection> logger)
    : IProjection
{
    public const string Name = "Catalog";

    /// <summary>
    /// Raise this when what an event does to the rows changes: servers then rebuild the
    /// catalog at start-up, as they do when the tables' shape changes.
    /// </summary>
    public const int Revision = 2;

    /// <summary>What the live tables must be marked with to be current.</summary>
    public static string Fingerprint => $"{ReadModelSchema.Fingerprint}.{Revision}";

    public async Task ApplyAsync(
        IDocumentOperations operations,
        IReadOnlyList<IEvent> events,
        CancellationToken cancellation)
    {
        var data = events.Select(e => e.Data).ToList();

        // Read before the transaction opens: file I/O should not hold a database transaction.
        var manifests = await CatalogManifests.LoadAsync(blobs, data, logger, cancellation);

        if (operations is not ITransactionParticipantRegistrar registrar)
        {
            throw new InvalidOperationException(
                "The catalog projection needs a Marten session that takes transaction " +
                "participants; it runs only as an async projection.");
        }

        registrar.AddTransactionParticipant(new CatalogParticipant(data, manifests));
    }
}
