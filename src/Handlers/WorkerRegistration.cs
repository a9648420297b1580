using Microsoft.Extensions.DependencyInjection;
using Mist.Application.Builds.Ingestion;
using Mist.Handlers.Builds;

namespace Mist.Handlers;

public static class WorkerRegistration
{
    /// <summary>What the worker-side handlers need besides the event log and storage.</summary>
    public static IServiceCollection AddWorker(this IServiceCollection services)
    {
        services.AddSingleton(IngestOptions.Default);
        services.AddSingleton<BuildIngestor>();
        services.AddSingleton<BuildProgressReporter>();
        return services;
    }
}
