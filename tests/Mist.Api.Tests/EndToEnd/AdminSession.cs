using System.Net.Http.Json;
using Mist.Api.Catalog;
using Mist.Api.Tests.Support;
using Mist.Client.Http;

namespace Mist.Api.Tests.EndToEnd;

/// <summary>
/// What an admin does over HTTP, with the waits a script would make: import a build and wait
/// for it to be ingested, publish it, wait for its patch chain to close. The client must
/// carry an admin's bearer token.
/// </summary>
public sealed class AdminSession(HttpClient http)
{
    public MistApiClient Api { get; } = new(http);

    public async Task ImportAsync(string game, string label, string path, TimeSpan? timeout = null)
    {
        await Api.ImportBuildAsync(game, label, path, default);
        var build = await Eventually.GetAsync(
            async () => await TryAsync(() => Api.GetBuildAsync(game, label, default)),
            b => b.IsFinished,
            timeout ?? TimeSpan.FromMinutes(2),
            $"the build of {game}/{label}");
        build.IsFailed.ShouldBeFalse(build.Error);
    }

    public Task PublishAsync(string game, string label) =>
        Api.PublishAsync(game, label, "main", default);

    /// <summary>The version's patch chain once it has closed.</summary>
    public Task<PatchChainResponse> ChainAsync(
        string game, string label, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            () => http.GetFromJsonAsync<PatchChainResponse>(
                $"api/admin/games/{game}/versions/{label}/patches"),
            chain => chain.Completed,
            timeout ?? TimeSpan.FromMinutes(2),
            $"the patch chain of {game}/{label}");

    /// <summary>Waits until players see the version as published (the catalog follows the
    /// log).</summary>
    public static Task<VersionSummary> PublishedAsync(
        MistApiClient player, string game, string label) =>
        Eventually.GetAsync(
            async () => await TryAsync(() => player.GetVersionAsync(game, label, default)),
            v => v.Status == "published",
            what: $"{game}/{label} to show as published");

    private static async Task<T?> TryAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (MistApiException)
        {
            return null;
        }
    }
}
