using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Patches;

/// <summary>A server whose failed patches are retried after a second, twice.</summary>
public class PatchChainFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mist:Patches:RetryDelays:0", "00:00:01");
        builder.UseSetting("Mist:Patches:RetryDelays:1", "00:00:01");
        builder.UseSetting("Mist:Patches:Timeout", "00:05:00");
    }
}
