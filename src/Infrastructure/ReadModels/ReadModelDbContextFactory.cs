namespace Mist.Infrastructure.ReadModels;

/// <summary>Creates read-model contexts on the configured database.</summary>
public sealed class ReadModelDbContextFactory(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public ReadModelDbContext CreateLive() =>
        ReadModelDbContext.Create(ConnectionString, ReadModelSchema.Live);
}
