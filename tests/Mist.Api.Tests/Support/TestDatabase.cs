using Npgsql;

namespace Mist.Api.Tests.Support;

/// <summary>
/// A database of its own for one fixture, on the private cluster that scripts/postgres.sh
/// starts (or the server named by MIST_TEST_DATABASE), dropped when the fixture ends.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultServer =
        "Host=127.0.0.1;Port=55432;Username=mist;Password=mist;Database=mist";

    private readonly string _serverConnection;

    private TestDatabase(string serverConnection, string name)
    {
        _serverConnection = serverConnection;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnection)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 40,
        }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("MIST_TEST_DATABASE") ?? DefaultServer;
        var database = new TestDatabase(server, $"mist_test_{Guid.NewGuid():N}");

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {database.Name}", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand(
            $"drop database if exists {Name} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
