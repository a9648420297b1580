using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Mist.Domain.Common;

namespace Mist.Api.Hosting;

/// <summary>
/// Turns the two kinds of refusal into problem details: validation failures (400, with each
/// field and why) and domain refusals (400, 404 or 409).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            ValidationException v => (400, "The request is not valid.", Group(v)),
            DomainException { Kind: DomainErrorKind.NotFound } => (404, "Not found.", null),
            DomainException { Kind: DomainErrorKind.Conflict } => (409, "Conflict.", null),
            DomainException => (400, "The request is not valid.", null),
            BadHttpRequestException { InnerException: JsonException j } =>
                (400, "The request is not valid.", BodyErrors(j)),
            BadHttpRequestException b => (b.StatusCode, "The request is not valid.", null),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = exception switch
            {
                ValidationException => null,
                BadHttpRequestException { InnerException: JsonException } =>
                    "The body is not JSON of the expected shape.",
                _ => exception.Message,
            },
        };
        if (errors is not null)
        {
            details.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private static Dictionary<string, string[]> Group(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    // A path like "$.slug" names the field; a body broken before any field names none.
    private static Dictionary<string, string[]> BodyErrors(JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.")
            ? path[2..]
            : "body";
        var reason = exception.Message.Split(" Path: ")[0];
        return new Dictionary<string, string[]> { [field] = [reason] };
    }

    private static string JsonName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
