using Microsoft.AspNetCore.Hosting;
using Mist.Api.Tests.Support;

namespace Mist.Api.Tests.Hosting;

/// <summary>A server in the Production environment, where ASP.NET Core's defaults for bad
/// requests differ from Development's.</summary>
public sealed class ProductionServerFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
