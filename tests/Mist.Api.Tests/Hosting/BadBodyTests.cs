using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mist.Api.Tests.Hosting;

public sealed class BadBodyTests(ProductionServerFixture server)
    : IClassFixture<ProductionServerFixture>
{
    [Theory]
    [InlineData("{bad", "body")]
    [InlineData("""{"slug": 5, "name": "Game"}""", "slug")]
    public async Task Body_that_is_not_the_expected_json_is_a_problem_naming_the_field(
        string body, string field)
    {
        using var admin = server.CreateClient(await server.TokenForAsync(Roles.Admin));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync("/api/admin/games", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
    }
}
