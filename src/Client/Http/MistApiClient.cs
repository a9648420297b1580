using System.Net.Http.Headers;
using System.Text.Json;
using Mist.Client.Update;

namespace Mist.Client.Http;

/// <summary>
/// Typed calls to the Mist HTTP API (docs/api.md). The <see cref="HttpClient"/> must have its
/// <see cref="HttpClient.BaseAddress"/> set to the server; the token, when given, is sent as a
/// bearer token on every call. Errors surface as <see cref="MistApiException"/>. Every body
/// read is counted in <see cref="BytesReceived"/>.
/// </summary>
public sealed class MistApiClient(HttpClient http, string? accessToken = null) : IUpdateServer
{
    // A manifest of a very large build is tens of megabytes; anything far beyond is not one.
    private const long MaxManifestBytes = 512L << 20;

    // JSON answers are small; a plan listing every chunk of a large game is a few megabytes.
    private const long MaxJsonBytes = 64L << 20;

    private long _bytesReceived;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A client with its own <see cref="HttpClient"/> for the given server.</summary>
    public static MistApiClient Create(Uri serverUrl, string? accessToken = null)
    {
        // Without the trailing slash a base path such as /mist would be dropped from every call.
        var baseAddress = serverUrl.AbsoluteUri.EndsWith('/')
            ? serverUrl
            : new Uri(serverUrl.AbsoluteUri + "/");
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        return new MistApiClient(http, accessToken);
    }

    public Uri? BaseAddress => http.BaseAddress;

    /// <inheritdoc/>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public Task<LoginResponse> LoginAsync(
        string userName, string password, CancellationToken cancellationToken) =>
        SendAsync<LoginResponse>(
            HttpMethod.Post, "api/auth/login", new { userName, password }, cancellationToken);

    public Task<IReadOnlyList<GameSummary>> ListGamesAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<GameSummary>>(HttpMethod.Get, "api/games", null, cancellationToken);

    public Task<GameDetails> GetGameAsync(string slug, CancellationToken cancellationToken) =>
        SendAsync<GameDetails>(HttpMethod.Get, $"api/games/{E(slug)}", null, cancellationToken);

    public Task<VersionSummary> GetVersionAsync(
        string slug, string label, CancellationToken cancellationToken) =>
        SendAsync<VersionSummary>(
            HttpMethod.Get, $"api/games/{E(slug)}/versions/{E(label)}", null, cancellationToken);

    /// <summary>The stored manifest bytes, exactly as the server holds them (unchecked).</summary>
    public Task<byte[]> GetManifestBytesAsync(string hash, CancellationToken cancellationToken) =>
        GetBytesAsync($"api/manifests/{E(hash)}", MaxManifestBytes, cancellationToken);

    /// <summary>
    /// The zstd-compressed bytes of a blob. Refuses a body over <paramref name="maxBytes"/>, so
    /// a broken or hostile server cannot make the client buffer without limit.
    /// </summary>
    public Task<byte[]> GetBlobAsync(
        string sha256, long maxBytes, CancellationToken cancellationToken) =>
        GetBytesAsync($"api/blobs/{E(sha256)}", maxBytes, cancellationToken);

    /// <inheritdoc/>
    public Task<UpdatePlanResponse> GetPlanAsync(
        string game, string fromLabel, string? toLabel, string? branch,
        CancellationToken cancellationToken)
    {
        var target = toLabel is not null ? $"to={E(toLabel)}" : $"branch={E(branch ?? "main")}";
        return SendAsync<UpdatePlanResponse>(
            HttpMethod.Get, $"api/games/{E(game)}/plan?from={E(fromLabel)}&{target}", null,
            cancellationToken);
    }

    public async Task AddGameAsync(string slug, string name, CancellationToken cancellationToken)
    {
        // 201 needs no body; whatever the server sends along is not read.
        using var response = await SendRawAsync(
            HttpMethod.Post, "api/admin/games", new { slug, name }, cancellationToken);
    }

    public Task<VersionSummary> ImportBuildAsync(
        string slug, string label, string sourcePath, CancellationToken cancellationToken) =>
        SendAsync<VersionSummary>(
            HttpMethod.Post, $"api/admin/games/{E(slug)}/versions", new { label, sourcePath },
            cancellationToken);

    public Task<BuildProgress> GetBuildAsync(
        string slug, string label, CancellationToken cancellationToken) =>
        SendAsync<BuildProgress>(
            HttpMethod.Get, $"api/admin/games/{E(slug)}/versions/{E(label)}/build", null,
            cancellationToken);

    public Task<PatchChainProgress> GetPatchChainAsync(
        string slug, string label, CancellationToken cancellationToken) =>
        SendAsync<PatchChainProgress>(
            HttpMethod.Get, $"api/admin/games/{E(slug)}/versions/{E(label)}/patches", null,
            cancellationToken);

    public Task<VersionSummary> PublishAsync(
        string slug, string label, string branch, CancellationToken cancellationToken) =>
        SendAsync<VersionSummary>(
            HttpMethod.Post, $"api/admin/games/{E(slug)}/versions/{E(label)}/publish",
            new { branch }, cancellationToken);

    public Task<VersionSummary> WithdrawAsync(
        string slug, string label, string reason, CancellationToken cancellationToken) =>
        SendAsync<VersionSummary>(
            HttpMethod.Post, $"api/admin/games/{E(slug)}/versions/{E(label)}/withdraw",
            new { reason }, cancellationToken);

    private static string E(string segment) => Uri.EscapeDataString(segment);

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, path);
        if (body is not null)
        {
            // Buffered rather than streamed, so the request carries a Content-Length.
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json);
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await HttpResponses.EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var bytes = await ReadCountedAsync(stream, path, MaxJsonBytes, cancellationToken);
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Json);
            return value ?? throw new InvalidDataException($"The server sent an empty {path}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The server's answer to {path} is not what this client understands: {e.Message}",
                e);
        }
    }

    private async Task<byte[]> GetBytesAsync(
        string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, path);
        using var response = await http.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await HttpResponses.EnsureSuccessAsync(response, cancellationToken);

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException(
                $"The server sent {response.Content.Headers.ContentLength} bytes for {path}; " +
                $"at most {maxBytes} were expected.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await ReadCountedAsync(stream, path, maxBytes, cancellationToken);
    }

    private async Task<byte[]> ReadCountedAsync(
        Stream stream, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await HttpResponses.ReadBoundedAsync(stream, path, maxBytes, cancellationToken);
        Interlocked.Add(ref _bytesReceived, bytes.Length);
        return bytes;
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (!string.IsNullOrEmpty(accessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request;
    }
}
