using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mist.Application.EventLog;
using Mist.Infrastructure.EventLog;
using Wolverine.Marten;

namespace Mist.Infrastructure;

public static class InfrastructureRegistration
{
    public const string EventSchema = "mist_events";

    /// <summary>
    /// The event store, its async daemon and the event-log port. Each feature adds its own
    /// projections with <c>ConfigureMarten</c>.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var connectionString = DatabaseConnection.From(builder.Configuration);
        var daemonMode = builder.Configuration.GetValue("Mist:DaemonMode", DaemonMode.Solo);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = EventSchema;
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(daemonMode);

        builder.Services.AddScoped<IEventLog, MartenEventLog>();
        builder.Services.AddSingleton<IPublicationHistory, MartenPublicationHistory>();
        return builder;
    }
}
