namespace Mist.Client.Http;

/// <summary>The RFC 9457 problem details the server answers an error with.</summary>
public sealed record ApiProblem(
    string? Title,
    string? Detail,
    int? Status,
    IReadOnlyDictionary<string, string[]>? Errors);
