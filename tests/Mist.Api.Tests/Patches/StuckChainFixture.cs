using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// A server whose retries wait ten minutes while chains time out after fifteen seconds: a
/// chain with a failed pair stays open until a test reports for it or the timeout closes it.
/// </summary>
public sealed class StuckChainFixture : ServerFixture
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mist:Patches:RetryDelays:0", "00:10:00");
        builder.UseSetting("Mist:Patches:Timeout", Timeout.ToString());
    }
}
