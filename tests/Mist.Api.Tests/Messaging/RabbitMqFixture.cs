using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Messaging;

/// <summary>A server that sends its worker messages (ingestion, patches) through RabbitMQ, on
/// a virtual host of its own.</summary>
public sealed class RabbitMqFixture : ServerFixture
{
    public RabbitMqBroker Broker { get; } = new($"mist-test-{Guid.NewGuid():N}");

    public override async Task InitializeAsync()
    {
        await Broker.CreateAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DeleteAsync();
        Broker.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mist:RabbitMq", Broker.Address.AbsoluteUri);
    }
}
