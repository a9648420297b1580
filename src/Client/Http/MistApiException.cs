namespace Mist.Client.Http;

/// <summary>
/// The server answered with an error; <see cref="Problem"/> holds its details and
/// <see cref="Request"/> what was asked (method and path), for errors that carry no detail.
/// </summary>
public sealed class MistApiException(int statusCode, ApiProblem problem, string request)
    : Exception(Describe(statusCode, problem, request))
{
    public int StatusCode { get; } = statusCode;

    public ApiProblem Problem { get; } = problem;

    public string Request { get; } = request;

    private static string Describe(int statusCode, ApiProblem problem, string request)
    {
        var title = problem.Title ?? $"HTTP {statusCode}";
        return problem.Detail is null ? $"{title} ({request})" : $"{title}: {problem.Detail}";
    }
}
