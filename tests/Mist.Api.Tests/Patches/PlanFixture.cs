using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Patches;

/// <summary>A server that makes only the patch from the previous version of a branch, so
/// skipping a version takes a chain of patches.</summary>
public sealed class PlanFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mist:Patches:DirectCount", "1");
    }
}
