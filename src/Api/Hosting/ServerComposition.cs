using Mediator;
using Mist.Application.Games.RegisterGame;
using Mist.Application.Pipeline;
using Mist.Application.Versions;
using Mist.Api.Accounts;
using Mist.Api.Catalog;
using Mist.Api.Downloads;
using Mist.Api.Games;
using Mist.Api.Operations;
using Mist.Api.Updates;
using Mist.Api.Versions;
using Mist.Application.Updates.GetUpdatePlan;
using Mist.Handlers;
using Mist.Infrastructure;
using Mist.Infrastructure.Storage;
using Mist.Projections;
using FluentValidation;
using JasperFx;
using JasperFx.Core;
using Wolverine.ErrorHandling;
using Wolverine;
using Wolverine.Marten;
using Wolverine.RabbitMQ;
using Mist.Application.Contracts;

namespace Mist.Api.Hosting;

/// <summary>The composition root of the server: one call per layer, then the endpoints.</summary>
public static class ServerComposition
{
    public static WebApplicationBuilder AddMistServer(this WebApplicationBuilder builder)
    {
        builder.AddShippedSettings();
        builder.AddInfrastructure();
        builder.Services.AddFileSystemStorage(builder.Configuration);
        builder.AddReadModels();
        builder.AddApplication();
        builder.AddMessaging();
        builder.Services.AddWorker(builder.Configuration);
        builder.AddAccounts();
        builder.AddHealthEndpoints();

        builder.Services.AddProblemDetails();

        // Outside Development a body that does not bind would get a bare 400; thrown, it
        // reaches ProblemExceptionHandler, which names the field and the reason.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseMistServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();

        var api = app.MapGroup("/api");
        api.MapAccountEndpoints();
        api.MapGameEndpoints();
        api.MapVersionEndpoints();
        api.MapCatalogEndpoints();
        api.MapDownloadEndpoints();
        api.MapUpdateEndpoints();
        return app;
    }

    private static void AddApplication(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(
            builder.Configuration.GetSection(ImportOptions.Section));
        builder.Services.AddSingleton<UpdateFactsLoader>();
        builder.Services.AddValidatorsFromAssemblyContaining<RegisterGameValidator>(
            ServiceLifetime.Singleton);
        builder.Services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(RegisterGame)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
            ];
        });
    }

    private static bool IsMediatorHandler(Type type) =>
        type.GetInterfaces().Any(i => i.Namespace == typeof(IMediator).Namespace
            && i.Name.Contains("Handler", StringComparison.Ordinal));

    private static void AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            // Only the worker-side handlers: Mediator's handlers in Application must never be
            // run by Wolverine, which would skip the validation pipeline.
            options.ApplicationAssembly = typeof(HandlersAssembly).Assembly;
            options.Discovery.CustomizeHandlerDiscovery(types => types.Excludes.WithCondition(
                "Mediator request handlers", IsMediatorHandler));
            options.Durability.Mode = builder.Configuration.GetValue(
                "Mist:DurabilityMode", DurabilityMode.Solo);
            options.Policies.UseDurableLocalQueues();
            options.Policies.AutoApplyTransactions();

            // Patch chains are revisioned sagas: two reports handled at once make the later
            // save fail, and a retry applies it to the fresh saga (ADR 0010).
            options.Policies.OnException<ConcurrencyException>()
                .RetryWithCooldown(50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds(),
                    500.Milliseconds(), 1.Seconds());

            // Ingesting a multi-gigabyte build takes far longer than Wolverine's default.
            options.DefaultExecutionTimeout = TimeSpan.FromHours(6);

            if (builder.Configuration["Mist:RabbitMq"] is { Length: > 0 } rabbitMq)
            {
                options.UseRabbitMq(new Uri(rabbitMq)).AutoProvision();
                options.PublishMessage<IngestBuild>().ToRabbitQueue("mist-ingest")
                    .UseDurableOutbox();
                options.ListenToRabbitQueue("mist-ingest").UseDurableInbox();
                options.PublishMessage<GeneratePatch>().ToRabbitQueue("mist-patches")
                    .UseDurableOutbox();
                options.ListenToRabbitQueue("mist-patches").UseDurableInbox();
            }
        });
    }
}
