namespace Mist.Client.Http;

/// <summary>The server answered with an error; <see cref="Problem"/> holds its details.</summary>
public sealed class MistApiException(int statusCode, ApiProblem problem)
    : Exception(Describe(statusCode, problem))
{
    public int StatusCode { get; } = statusCode;

    public ApiProblem Problem { get; } = problem;

    private static string Describe(int statusCode, ApiProblem problem)
    {
        var title = problem.Title ?? $"HTTP {statusCode}";
        return problem.Detail is null ? title : $"{title}: {problem.Detail}";
    }
}
