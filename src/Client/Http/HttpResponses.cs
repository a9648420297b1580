using System.Text.Json;

namespace Mist.Client.Http;

/// <summary>Reading answers: bounded bodies, and error statuses turned into problems.</summary>
internal static class HttpResponses
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<byte[]> ReadBoundedAsync(
        Stream stream, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException(
                    $"The server sent more than the {maxBytes} bytes expected for {path}.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static async Task EnsureSuccessAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var problem = await ReadProblemAsync(response, cancellationToken);
        var request = response.RequestMessage is { } sent
            ? $"{sent.Method} {sent.RequestUri?.AbsolutePath}"
            : "request";
        throw new MistApiException(status, problem with
        {
            Title = problem.Title ?? response.ReasonPhrase ?? $"HTTP {status}",
            Status = problem.Status ?? status,
        }, request);
    }

    private static async Task<ApiProblem> ReadProblemAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var empty = new ApiProblem(null, null, null, null);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return empty;
        }

        try
        {
            var body = await ReadBoundedAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken), "an error", 1 << 20,
                cancellationToken);
            return JsonSerializer.Deserialize<ApiProblem>(body, Json) ?? empty;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            // An unreadable error body still leaves the status code, which is worth showing.
            return empty;
        }
    }
}
