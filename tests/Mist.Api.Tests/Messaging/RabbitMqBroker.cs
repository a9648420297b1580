using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mist.Api.Tests.Messaging;

/// <summary>
/// The RabbitMQ node that scripts/rabbitmq.sh starts (or the one MIST_RABBITMQ and
/// MIST_RABBITMQ_ADMIN name), reached over AMQP for messages and over its management API to
/// give each fixture a virtual host of its own: test runs sharing the node never take each
/// other's messages.
/// </summary>
public sealed class RabbitMqBroker(string virtualHost) : IDisposable
{
    private const string DefaultAmqp = "amqp://guest:guest@127.0.0.1:55672";
    private const string DefaultAdmin = "http://guest:guest@127.0.0.1:55673";

    private readonly HttpClient _admin = CreateAdminClient();

    public string VirtualHost { get; } = virtualHost;

    /// <summary>The AMQP address of this fixture's virtual host.</summary>
    public Uri Address => new($"{Setting("MIST_RABBITMQ", DefaultAmqp).TrimEnd('/')}/" +
        Uri.EscapeDataString(VirtualHost));

    public async Task CreateAsync()
    {
        try
        {
            using var response = await _admin.PutAsync(
                $"api/vhosts/{Uri.EscapeDataString(VirtualHost)}", null);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException(
                $"RabbitMQ's management API at {_admin.BaseAddress} did not create a virtual " +
                "host: run scripts/rabbitmq.sh start, or set MIST_RABBITMQ and " +
                "MIST_RABBITMQ_ADMIN to a node that has the management plugin.", e);
        }
    }

    public async Task DeleteAsync()
    {
        using var response = await _admin.DeleteAsync(
            $"api/vhosts/{Uri.EscapeDataString(VirtualHost)}");
    }

    /// <summary>How many messages were published to a queue of this virtual host, as the
    /// node's statistics (sampled every second or so) tell.</summary>
    public async Task<long> PublishedToAsync(string queue)
    {
        var body = await _admin.GetFromJsonAsync<JsonElement>(
            $"api/queues/{Uri.EscapeDataString(VirtualHost)}/{Uri.EscapeDataString(queue)}");
        return body.TryGetProperty("message_stats", out var stats) &&
            stats.TryGetProperty("publish", out var publish)
            ? publish.GetInt64()
            : 0;
    }

    public void Dispose() => _admin.Dispose();

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    private static HttpClient CreateAdminClient()
    {
        var address = new Uri(Setting("MIST_RABBITMQ_ADMIN", DefaultAdmin));
        var client = new HttpClient
        {
            BaseAddress = new UriBuilder(address) { UserName = "", Password = "" }.Uri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var user = Uri.UnescapeDataString(address.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return client;
    }
}
