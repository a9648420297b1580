using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Mist.Application.Games.RegisterGame;

namespace Mist.Api.Games;

public static class GameEndpoints
{
    public static RouteGroupBuilder MapGameEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/games").WithTags("Admin")
            .RequireAuthorization(Roles.AdminPolicy);

        admin.MapPost("/", RegisterGame)
            .WithName("RegisterGame")
            .WithSummary("Registers a game under a unique slug.");
        return api;
    }

    private static async Task<Created<GameRegistration>> RegisterGame(
        RegisterGameRequest request,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var registered = await mediator.Send(
            new RegisterGame(request.Slug ?? "", request.Name ?? ""), cancellationToken);
        return TypedResults.Created($"/api/games/{registered.Slug}", registered);
    }
}
