using Mist.Client.Http;

namespace Mist.Client.Admin;

/// <summary>
/// The catalog is a projection of the event log and may trail a command by a moment: for a
/// while after an import or a publish, what the command made is unknown (404) rather than
/// missing. Watchers read through this until the allowance has passed.
/// </summary>
internal static class CatalogLag
{
    private static readonly TimeSpan Allowance = TimeSpan.FromSeconds(30);

    /// <returns>What <paramref name="get"/> returns, or null for a 404 within the allowance
    /// counted from <paramref name="started"/>.</returns>
    public static async Task<T?> TryGetAsync<T>(Func<Task<T>> get, DateTimeOffset started)
        where T : class
    {
        try
        {
            return await get();
        }
        catch (MistApiException e) when (
            e.StatusCode == 404 && DateTimeOffset.UtcNow - started < Allowance)
        {
            return null;
        }
    }
}
