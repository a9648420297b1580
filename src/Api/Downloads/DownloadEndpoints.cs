using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Mist.Application.Storage;

namespace Mist.Api.Downloads;

public static class DownloadEndpoints
{
    // A blob's key is the hash of its content, so its bytes never change: clients and proxies
    // may keep it forever.
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    public static RouteGroupBuilder MapDownloadEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/blobs/{hash}", GetBlob)
            .WithTags("Downloads")
            .WithName("GetBlob")
            .WithSummary("A stored blob (zstd-compressed), with Range requests and an ETag.")
            .RequireAuthorization(Roles.PlayerPolicy);
        return api;
    }

    private static Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult> GetBlob(
        string hash,
        IBlobStore store,
        HttpContext context)
    {
        if (!BlobKey.IsValid(hash))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request is not valid.",
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]>
                    {
                        ["hash"] = ["A blob hash is 64 lower-case hexadecimal digits."],
                    },
                });
        }

        var path = store.PathFor(hash);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = ImmutableCaching;
        return TypedResults.PhysicalFile(
            path,
            "application/zstd",
            enableRangeProcessing: true,
            entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }
}
