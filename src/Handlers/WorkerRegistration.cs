using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mist.Application.Builds.Ingestion;
using Mist.Delta.Updates;
using Mist.Handlers.Builds;
using Mist.Handlers.Patches;

namespace Mist.Handlers;

public static class WorkerRegistration
{
    /// <summary>What the worker-side handlers need besides the event log and storage.</summary>
    public static IServiceCollection AddWorker(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        var patches = new PatchChainOptions();
        configuration.GetSection(PatchChainOptions.Section).Bind(patches);
        ArgumentOutOfRangeException.ThrowIfLessThan(
            patches.DirectCount, 1, $"{PatchChainOptions.Section}:DirectCount");
        services.AddSingleton(patches);
        services.AddSingleton(new VersionPatchBuildOptions());
        services.AddSingleton<PatchGenerator>();

        services.AddSingleton(IngestOptions.Default);
        services.AddSingleton<BuildIngestor>();
        services.AddSingleton<BuildProgressReporter>();
        return services;
    }
}
