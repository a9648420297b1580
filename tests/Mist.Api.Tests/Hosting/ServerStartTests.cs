using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Hosting;

public sealed class ServerStartTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Server_serves_its_OpenAPI_document()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        response.EnsureSuccessStatusCode();
        var document = await response.Content.ReadAsStringAsync();
        document.ShouldContain("/api/admin/games");
    }
}
