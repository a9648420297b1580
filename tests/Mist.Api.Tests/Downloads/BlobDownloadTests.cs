using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Tests.Support;
using Mist.Application.Storage;

namespace Mist.Api.Tests.Downloads;

public sealed class BlobDownloadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Blob_is_served_whole_with_etag_and_immutable_caching()
    {
        var (hash, stored) = await StoreBlobAsync(1000);
        using var player = await PlayerAsync();

        using var response = await player.GetAsync($"/api/blobs/{hash}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(stored);
        response.Headers.ETag?.Tag.ShouldBe($"\"{hash}\"");
        response.Headers.CacheControl?.ToString().ShouldContain("immutable");
    }

    [Fact]
    public async Task Range_inside_the_blob_returns_just_those_bytes()
    {
        var (hash, stored) = await StoreBlobAsync(5000);
        using var player = await PlayerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/blobs/{hash}");
        request.Headers.Range = new RangeHeaderValue(10, 19);

        using var response = await player.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(stored[10..20]);
    }

    [Fact]
    public async Task Range_outside_the_blob_is_not_satisfiable()
    {
        var (hash, stored) = await StoreBlobAsync(2000);
        using var player = await PlayerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/blobs/{hash}");
        request.Headers.Range = new RangeHeaderValue(stored.Length + 10, stored.Length + 20);

        using var response = await player.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task Matching_etag_answers_not_modified()
    {
        var (hash, _) = await StoreBlobAsync(100);
        using var player = await PlayerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/blobs/{hash}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{hash}\""));

        using var response = await player.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task Malformed_hash_is_a_bad_request(string hash)
    {
        using var player = await PlayerAsync();

        using var response = await player.GetAsync($"/api/blobs/{hash}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_blob_is_not_found()
    {
        using var player = await PlayerAsync();

        using var response = await player.GetAsync($"/api/blobs/{new string('0', 64)}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<HttpClient> PlayerAsync() =>
        server.CreateClient(await server.TokenForAsync(Roles.Player));

    /// <summary>Stores random bytes as a blob; returns its key and the stored bytes.</summary>
    private async Task<(string Hash, byte[] Stored)> StoreBlobAsync(int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var store = server.Services.GetRequiredService<IBlobStore>();

        await store.PutAsync(hash, content, default);

        return (hash, await File.ReadAllBytesAsync(store.PathFor(hash)));
    }
}
