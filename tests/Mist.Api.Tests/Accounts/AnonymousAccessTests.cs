using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Accounts;

/// <summary>
/// Walks every endpoint the server maps, so that an endpoint added later is covered without
/// anyone remembering to add it here.
/// </summary>
public sealed class AnonymousAccessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] AnonymousRoutes =
        ["/api/auth/login", "/healthz", "/openapi/{documentName}.json", "/readyz"];

    [Fact]
    public void Only_log_in_health_and_the_OpenAPI_document_allow_anonymous_callers()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal);

        anonymous.ShouldBe(AnonymousRoutes);
    }

    [Fact]
    public async Task Every_other_endpoint_answers_401_without_a_token()
    {
        var protectedEndpoints = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        using var client = server.CreateClient();

        var answers = new List<string>();
        foreach (var endpoint in protectedEndpoints)
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Url(endpoint));
                using var response = await client.SendAsync(request);
                answers.Add($"{method} {endpoint.RoutePattern.RawText} {(int)response.StatusCode}");
            }
        }

        answers.ShouldContain(a => a.StartsWith("POST /api/admin/games", StringComparison.Ordinal));
        answers.ShouldAllBe(a => a.EndsWith(" 401", StringComparison.Ordinal));
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods
            : ["GET"];

    private static string Url(RouteEndpoint endpoint)
    {
        var values = endpoint.RoutePattern.Parameters.ToDictionary(
            p => p.Name, p => (object?)SampleValue(p));
        var path = string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => values[parameter.Name]?.ToString(),
                _ => "",
            }))));
        return "/" + path;
    }

    // A value that passes the usual route constraints, so that routing reaches authorization
    // instead of answering 404: numbers for numeric constraints, else a 64-digit hex string
    // (a blob or manifest hash).
    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = string.Join(' ', parameter.ParameterPolicies.Select(p => p.Content));
        return constraints switch
        {
            _ when constraints.Contains("guid", StringComparison.Ordinal) => Guid.Empty.ToString(),
            _ when constraints.Contains("int", StringComparison.Ordinal)
                || constraints.Contains("long", StringComparison.Ordinal) => "1",
            _ when constraints.Contains("bool", StringComparison.Ordinal) => "true",
            _ => string.Concat(Enumerable.Repeat("0123456789abcdef", 4)),
        };
    }
}
