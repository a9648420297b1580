using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.EndToEnd;

/// <summary>A server that may also import from the folder of sample builds.</summary>
public sealed class EndToEndFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:Roots:1", SampleBuilds.Root);
    }
}
