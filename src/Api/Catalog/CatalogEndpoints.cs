using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Mist.Application.Catalog;
using Mist.Application.Catalog.GetBuildStatus;
using Mist.Application.Catalog.GetGame;
using Mist.Application.Catalog.GetManifest;
using Mist.Application.Catalog.GetPatchChain;
using Mist.Application.Catalog.GetVersion;
using Mist.Application.Catalog.GetVersionManifest;
using Mist.Application.Catalog.ListGames;

namespace Mist.Api.Catalog;

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var catalog = api.MapGroup("/").WithTags("Catalog")
            .RequireAuthorization(Roles.PlayerPolicy);
        catalog.MapGet("/games", ListGames)
            .WithName("ListGames")
            .WithSummary("Lists the games with the latest published label of each branch.");
        catalog.MapGet("/games/{slug}", GetGame)
            .WithName("GetGame")
            .WithSummary("A game and its versions per branch; admins also see unpublished ones.");
        catalog.MapGet("/games/{slug}/versions/{label}", GetVersion)
            .WithName("GetVersion")
            .WithSummary("One version of a game; players see published versions only.");
        catalog.MapGet("/games/{slug}/versions/{label}/manifest", GetVersionManifest)
            .WithName("GetVersionManifest")
            .WithSummary("The stored manifest of a version; its ETag is the manifest hash.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        catalog.MapGet("/manifests/{hash}", GetManifest)
            .WithName("GetManifest")
            .WithSummary("A stored manifest by its SHA-256.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

        api.MapGet("/admin/games/{slug}/versions/{label}/build", GetBuildStatus)
            .WithTags("Admin")
            .RequireAuthorization(Roles.AdminPolicy)
            .WithName("GetBuildStatus")
            .WithSummary("Where a version's build stands, with progress while it ingests.");
        api.MapGet("/admin/games/{slug}/versions/{label}/patches", GetPatchChain)
            .WithTags("Admin")
            .RequireAuthorization(Roles.AdminPolicy)
            .WithName("GetPatchChain")
            .WithSummary("The patch chain of a version: each pair's status; whether it closed.");
        return api;
    }

    private static async Task<Ok<GameSummaryResponse[]>> ListGames(
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var games = await mediator.Send(new ListGames(), cancellationToken);
        return TypedResults.Ok(games.Select(GameSummaryResponse.From).ToArray());
    }

    private static async Task<Ok<GameResponse>> GetGame(
        string slug,
        ClaimsPrincipal user,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var game = await mediator.Send(new GetGame(slug, IsAdmin(user)), cancellationToken);
        return TypedResults.Ok(GameResponse.From(game));
    }

    private static async Task<Ok<VersionSummaryResponse>> GetVersion(
        string slug,
        string label,
        ClaimsPrincipal user,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var version = await mediator.Send(
            new GetVersion(slug, label, IsAdmin(user)), cancellationToken);
        return TypedResults.Ok(VersionSummaryResponse.From(version));
    }

    private static async Task<FileContentHttpResult> GetVersionManifest(
        string slug,
        string label,
        ClaimsPrincipal user,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var manifest = await mediator.Send(
            new GetVersionManifest(slug, label, IsAdmin(user)), cancellationToken);
        return Manifest(manifest);
    }

    private static async Task<FileContentHttpResult> GetManifest(
        string hash,
        ClaimsPrincipal user,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var manifest = await mediator.Send(new GetManifest(hash, IsAdmin(user)), cancellationToken);
        return Manifest(manifest);
    }

    private static async Task<Ok<BuildStatusResponse>> GetBuildStatus(
        string slug,
        string label,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var build = await mediator.Send(new GetBuildStatus(slug, label), cancellationToken);
        return TypedResults.Ok(BuildStatusResponse.From(build));
    }

    private static async Task<Ok<PatchChainResponse>> GetPatchChain(
        string slug,
        string label,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var chain = await mediator.Send(new GetPatchChain(slug, label), cancellationToken);
        return TypedResults.Ok(PatchChainResponse.From(chain));
    }

    // The bytes go out exactly as stored: their SHA-256 is the hash clients check.
    private static FileContentHttpResult Manifest(ManifestContent manifest) =>
        TypedResults.Bytes(manifest.Bytes, "application/json",
            entityTag: new EntityTagHeaderValue($"\"{manifest.Hash}\""));

    private static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
