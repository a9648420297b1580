using Marten;
using Mist.Delta.Manifests;
using Mist.Infrastructure.ReadModels;
using Npgsql;

namespace Mist.Projections.Catalog;

/// <summary>
/// Writes one daemon batch's catalog rows on Marten's connection and transaction. Marten may
/// call it again on a fresh transaction when the commit is retried, so every call starts
/// from a new DbContext and applies the whole batch again.
/// </summary>
internal sealed class CatalogParticipant(
    IReadOnlyList<object> events,
    IReadOnlyDictionary<string, VersionManifest?> manifests) : ITransactionParticipant
{
    public async Task BeforeCommitAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        CancellationToken token)
    {
        await ReadModelSchema.EnterAsWriterAsync(connection, transaction, token);
        await CatalogWriter.WriteAsync(
            connection, transaction, ReadModelSchema.Live, events, manifests, token);
    }
}
