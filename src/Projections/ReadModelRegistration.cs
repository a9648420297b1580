using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mist.Application.Builds;
using Mist.Application.Catalog;
using Mist.Application.Storage;
using Mist.Infrastructure;
using Mist.Infrastructure.ReadModels;
using Mist.Projections.Catalog;
using Mist.Projections.Rebuild;

namespace Mist.Projections;

public static class ReadModelRegistration
{
    /// <summary>
    /// The catalog read models: tables, the async projection that fills them, the catalog
    /// read port, the build-progress port and the rebuild. Needs the event store and an
    /// <see cref="IBlobStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddReadModels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReadModels(DatabaseConnection.From(builder.Configuration));
        return builder;
    }

    public static IServiceCollection AddReadModels(
        this IServiceCollection services,
        string connectionString)
    {
        services.AddSingleton(new ReadModelDbContextFactory(connectionString));
        services.AddScoped(sp => sp.GetRequiredService<ReadModelDbContextFactory>().CreateLive());
        services.AddScoped<ICatalogReader, EfCatalogReader>();
        services.AddSingleton<IBuildProgress, EfBuildProgress>();
        services.AddSingleton<EventLogPages>();
        services.AddSingleton<ReadModelRebuilder>();

        // First of all hosted services: the daemon must find the tables when it starts.
        services.Insert(0,
            ServiceDescriptor.Singleton<IHostedService, ReadModelSchemaInstaller>());

        services.ConfigureMarten((provider, options) =>
        {
            var projection = new CatalogProjection(
                provider.GetRequiredService<IBlobStore>(),
                provider.GetRequiredService<ILogger<CatalogProjection>>());
            options.Projections.Add(projection, ProjectionLifecycle.Async, CatalogProjection.Name);
        });
        return services;
    }
}
