using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Mist.Application.Versions;
using Mist.Application.Versions.PublishVersion;
using Mist.Application.Versions.RequestBuild;
using Mist.Application.Versions.WithdrawVersion;
using Mist.Domain.Common;

namespace Mist.Api.Versions;

public static class VersionEndpoints
{
    public static RouteGroupBuilder MapVersionEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/games/{slug}/versions").WithTags("Admin")
            .RequireAuthorization(Roles.AdminPolicy);

        admin.MapPost("/", RequestBuild)
            .WithName("RequestBuild")
            .WithSummary("Requests a new version built from a folder under an import root.");
        admin.MapPost("/{label}/publish", Publish)
            .WithName("PublishVersion")
            .WithSummary("Publishes an ingested version on a branch.");
        admin.MapPost("/{label}/withdraw", Withdraw)
            .WithName("WithdrawVersion")
            .WithSummary("Withdraws a published version; it is never offered again.");
        return api;
    }

    private static async Task<Accepted<VersionChangeResponse>> RequestBuild(
        string slug,
        RequestBuildRequest request,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var change = await mediator.Send(
            new RequestBuild(slug, request.Label ?? "", request.SourcePath ?? ""),
            cancellationToken);
        return TypedResults.Accepted(
            $"/api/admin/games/{slug}/versions/{change.Label}/build",
            VersionChangeResponse.From(change));
    }

    private static async Task<Ok<VersionChangeResponse>> Publish(
        string slug,
        string label,
        PublishVersionRequest? request,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var branch = request?.Branch ?? Naming.DefaultBranch;
        var change = await mediator.Send(
            new PublishVersion(slug, label, branch), cancellationToken);
        return TypedResults.Ok(VersionChangeResponse.From(change));
    }

    private static async Task<Ok<VersionChangeResponse>> Withdraw(
        string slug,
        string label,
        WithdrawVersionRequest request,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var change = await mediator.Send(
            new WithdrawVersion(slug, label, request.Reason ?? ""), cancellationToken);
        return TypedResults.Ok(VersionChangeResponse.From(change));
    }
}
