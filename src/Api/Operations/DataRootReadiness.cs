using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mist.Api.Operations;

/// <summary>
/// Ready when the data root exists and a file can be written there: a NAS mount that went
/// away or turned read-only shows here before an import fails half-way.
/// </summary>
public sealed class DataRootReadiness(IConfiguration configuration) : IHealthCheck
{
    public const string DataRootKey = "Mist:DataRoot";

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken)
    {
        if (configuration[DataRootKey] is not { Length: > 0 } root)
        {
            return HealthCheckResult.Unhealthy($"{DataRootKey} is not configured.");
        }

        if (!Directory.Exists(root))
        {
            return HealthCheckResult.Unhealthy("The data root folder does not exist.");
        }

        var probe = Path.Combine(root, $".readyz-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data root folder is not writable.", e);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
