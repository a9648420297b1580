namespace Mist.Api.Tests.Support;

/// <summary>
/// Waits for something the server does in the background (a projection, a worker).
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(
        Func<Task<T?>> probe,
        Func<T, bool> done,
        TimeSpan? timeout = null,
        string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                if (last is not null && done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Read models follow the log: a 404 now may be the row a moment from now.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"Gave up waiting for {what ?? "a condition"}; the last value was {last}.");
    }
}
