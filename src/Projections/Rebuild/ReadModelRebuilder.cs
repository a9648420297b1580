using Microsoft.Extensions.Logging;
using Mist.Application.Storage;
using Mist.Infrastructure;
using Mist.Infrastructure.ReadModels;
using Mist.Projections.Catalog;
using Npgsql;

namespace Mist.Projections.Rebuild;

/// <summary>
/// Rebuilds the catalog from the log without taking it away from readers: replays into
/// shadow tables up to the live projection's checkpoint, then, holding the swap lock so no
/// daemon batch writes meanwhile, replays what the daemon did in between and swaps the
/// shadow tables in within one transaction. The daemon goes on from its checkpoint, which a
/// rebuild never moves.
/// </summary>
public sealed class ReadModelRebuilder(
    ReadModelDbContextFactory contexts,
    EventLogPages log,
    IBlobStore blobs,
    ILogger<ReadModelRebuilder> logger)
{
    public const int PageSize = 500;

    // Held for a whole rebuild on its own connection, so two rebuilds never share a shadow.
    private const long RebuildLock = 0x6d6973745f726562;

    public async Task<RebuildProgress> RebuildAsync(
        IProgress<RebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(contexts.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"select pg_advisory_lock({RebuildLock})",
            cancellationToken);

        await ReadModelSchema.CreateShadowAsync(
            connection, CatalogProjection.Fingerprint, cancellationToken);
        var target = await ReadCheckpointAsync(connection, null, cancellationToken);
        var state = await CatchUpAsync(
            connection, null, new RebuildProgress(0, target, 0), progress, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ReadModelSchema.EnterAsSwapperAsync(connection, transaction, cancellationToken);
        target = await ReadCheckpointAsync(connection, transaction, cancellationToken);
        state = await CatchUpAsync(
            connection, transaction, state with { Target = target }, progress, cancellationToken);
        await ReadModelSchema.SwapAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await ExecuteAsync(connection, null, $"select pg_advisory_unlock({RebuildLock})",
            cancellationToken);
        logger.LogInformation(
            "Rebuilt the catalog read models from {EventCount} events up to sequence {Sequence}",
            state.EventsApplied, state.Sequence);
        return state;
    }

    private async Task<RebuildProgress> CatchUpAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? swapTransaction,
        RebuildProgress state,
        IProgress<RebuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        while (state.Sequence < state.Target)
        {
            var page = await log.ReadAsync(state.Sequence, state.Target, PageSize,
                cancellationToken);
            if (page.Count == 0)
            {
                return state with { Sequence = state.Target };
            }

            var data = page.Select(e => e.Data).ToList();
            var manifests = await CatalogManifests.LoadAsync(blobs, data, logger,
                cancellationToken);
            var transaction = swapTransaction
                ?? await connection.BeginTransactionAsync(cancellationToken);
            await CatalogWriter.WriteAsync(connection, transaction, ReadModelSchema.Shadow,
                data, manifests, cancellationToken);
            if (swapTransaction is null)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }

            state = state with
            {
                Sequence = page[^1].Sequence,
                EventsApplied = state.EventsApplied + page.Count,
            };
            progress?.Report(state);
        }

        return state;
    }

    private static async Task<long> ReadCheckpointAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var table = $"{InfrastructureRegistration.EventSchema}.mt_event_progression";
        await using var exists = new NpgsqlCommand(
            $"select to_regclass('{table}') is not null", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            // No daemon has run on this database yet, so the catalog is empty at checkpoint 0.
            return 0;
        }

        // Marten names an async projection's progress row after its only shard, "All".
        await using var command = new NpgsqlCommand(
            $"select last_seq_id from {table} where name = @name", connection, transaction);
        command.Parameters.AddWithValue("name", $"{CatalogProjection.Name}:All");
        return await command.ExecuteScalarAsync(cancellationToken) is long sequence ? sequence : 0;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
