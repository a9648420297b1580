using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mist.Api.Operations;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Accounts;

public sealed class HealthEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Healthz_answers_200_without_a_token()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_answers_200_naming_the_database_and_storage_checks()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/readyz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("storage").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Readyz_answers_503_naming_storage_when_the_data_root_is_gone()
    {
        var gone = Path.Combine(server.Root, "moved-away");
        Directory.Move(server.DataRoot, gone);
        try
        {
            using var client = server.CreateClient();

            using var response = await client.GetAsync("/readyz");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = await response.Content.ReadAsStringAsync();
            using var report = JsonDocument.Parse(body);
            var checks = report.RootElement.GetProperty("checks");
            checks.GetProperty("storage").GetProperty("status").GetString()
                .ShouldBe("Unhealthy");
            checks.GetProperty("database").GetProperty("status").GetString()
                .ShouldBe("Healthy");
        }
        finally
        {
            Directory.Move(gone, server.DataRoot);
        }
    }

    [Fact]
    public async Task Database_check_fails_when_nothing_listens()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
            [
                new("ConnectionStrings:Mist",
                    "Host=127.0.0.1;Port=1;Username=mist;Password=mist;Database=mist"),
            ])
            .Build();

        var result = await new DatabaseReadiness(configuration)
            .CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        result.Status.ShouldBe(HealthStatus.Unhealthy);
    }
}
