using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Mist.Application.Updates.GetUpdatePlan;

namespace Mist.Api.Updates;

public static class UpdateEndpoints
{
    public static RouteGroupBuilder MapUpdateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/games/{slug}/plan", GetPlan)
            .WithTags("Updates")
            .RequireAuthorization(Roles.PlayerPolicy)
            .WithName("GetUpdatePlan")
            .WithSummary("The cheapest way from an installed version (or nothing) to a target: " +
                "a patch chain, the missing chunks, or a full download.");
        return api;
    }

    private static async Task<Ok<PlanResponse>> GetPlan(
        string slug,
        string? from,
        string? to,
        string? branch,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(
            new GetUpdatePlan(slug, from, to, branch), cancellationToken);
        return TypedResults.Ok(PlanResponse.From(plan));
    }
}
