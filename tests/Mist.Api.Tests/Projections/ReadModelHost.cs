using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mist.Api.Tests.Support;
using Mist.Application.Storage;
using Mist.Infrastructure;
using Mist.Infrastructure.ReadModels;
using Mist.Infrastructure.Storage;
using Mist.Projections;

namespace Mist.Api.Tests.Projections;

/// <summary>
/// The event store, the async daemon and the read models on a database of their own, with a
/// blob store in a temporary folder: everything a projection needs and nothing else.
/// </summary>
public sealed class ReadModelHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private IHost? _host;

    public string DataRoot { get; } =
        Directory.CreateTempSubdirectory("mist-read-model-test-").FullName;

    public IHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public string ConnectionString =>
        _database?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public IBlobStore Blobs => Host.Services.GetRequiredService<IBlobStore>();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public ReadModelDbContext CreateDbContext() =>
        ReadModelDbContext.Create(ConnectionString, ReadModelSchema.Live);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IBlobStore>(
            new FileSystemBlobStore(new StorageOptions { DataRoot = DataRoot }));
        builder.Services
            .AddMarten(options =>
            {
                options.Connection(ConnectionString);
                options.DatabaseSchemaName = InfrastructureRegistration.EventSchema;
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.Solo);
        builder.Services.AddReadModels(ConnectionString);

        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>Appends events to a stream, starting it when it is new.</summary>
    public async Task AppendAsync(string streamKey, params object[] events)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(streamKey, events);
        await session.SaveChangesAsync();
    }

    /// <summary>Waits until the daemon has projected every event appended so far.</summary>
    public Task WaitForProjectionsAsync() =>
        Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(DataRoot, recursive: true);
    }
}
