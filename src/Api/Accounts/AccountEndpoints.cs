using Microsoft.AspNetCore.Http.HttpResults;

namespace Mist.Api.Accounts;

public static class AccountEndpoints
{
    // One message for a wrong name and a wrong password, so that names cannot be probed.
    private const string Refused = "The user name or password is wrong.";

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/login", LogIn)
            .AllowAnonymous()
            .WithName("LogIn")
            .WithSummary("Exchanges a user name and password for a bearer token.");
        return api;
    }

    private static async Task<Results<Ok<LogInResponse>, ValidationProblem, ProblemHttpResult>>
        LogIn(LogInRequest request, UserAccounts accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = string.IsNullOrEmpty(request.UserName) ? ["Required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["Required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var account = await accounts.VerifyAsync(
            request.UserName, request.Password, cancellationToken);
        if (account is null)
        {
            return TypedResults.Problem(
                title: "Log-in refused.",
                detail: Refused,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = accounts.IssueToken(account);
        return TypedResults.Ok(
            new LogInResponse(token.Token, token.ExpiresAt, account.UserName, account.Role));
    }
}
