using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Accounts;

namespace Mist.Api.Tests.Support;

/// <summary>
/// One real server per test class: its own database on the real PostgreSQL, its own data
/// root and import root in a temporary folder, the async daemon and Wolverine running.
/// </summary>
public class ServerFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public string Root { get; } =
        Directory.CreateTempSubdirectory("mist-server-test-").FullName;

    public string DataRoot => Path.Combine(Root, "data");

    public string ImportRoot => Path.Combine(Root, "imports");

    public string ConnectionString =>
        _database?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataRoot);
        Directory.CreateDirectory(ImportRoot);
        _database = await TestDatabase.CreateAsync();

        // Builds the host now, so that start-up failures show in the fixture, not in a test.
        _ = Server;
    }

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A bearer token for a new user with the given role.</summary>
    public async Task<string> TokenForAsync(string role)
    {
        var accounts = Services.GetRequiredService<UserAccounts>();
        var account = await accounts.CreateAsync(
            $"{role}-{Guid.NewGuid():N}"[..24], "a-long-test-password", role, default);
        return accounts.IssueToken(account).Token;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Mist", ConnectionString);
        builder.UseSetting("Mist:DataRoot", DataRoot);
        builder.UseSetting("Import:Roots:0", ImportRoot);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Virtual, so a fixture that adds resources can release them after the host stops.
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
