using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mist.Infrastructure;
using Npgsql;

namespace Mist.Api.Operations;

/// <summary>Ready when PostgreSQL answers a trivial query within a few seconds.</summary>
public sealed class DatabaseReadiness(IConfiguration configuration) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var connection =
                new NpgsqlConnection(DatabaseConnection.From(configuration));
            await connection.OpenAsync(deadline.Token);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(deadline.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
