using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mist.Infrastructure.ReadModels;
using Mist.Projections.Catalog;
using Npgsql;

namespace Mist.Projections.Rebuild;

/// <summary>
/// Makes sure the read-model tables exist and match the model before the async daemon
/// starts writing into them. Missing or stale tables are rebuilt from the log and swapped
/// in, so a new column ships as a rebuild rather than a migration.
/// </summary>
public sealed class ReadModelSchemaInstaller(
    ReadModelDbContextFactory contexts,
    ReadModelRebuilder rebuilder,
    ILogger<ReadModelSchemaInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string? live;
        await using (var connection = new NpgsqlConnection(contexts.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            live = await ReadModelSchema.ReadLiveFingerprintAsync(connection, cancellationToken);
        }

        if (live == CatalogProjection.Fingerprint)
        {
            return;
        }

        logger.LogInformation(
            "Read-model tables are {LiveSchema}, the model wants {ModelSchema}; rebuilding",
            live ?? "missing", CatalogProjection.Fingerprint);
        await rebuilder.RebuildAsync(null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
