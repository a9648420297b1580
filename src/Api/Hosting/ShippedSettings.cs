using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Mist.Api.Hosting;

/// <summary>
/// The appsettings.json built next to the server's binary. The host looks for it in the
/// current directory, so an operator who runs <c>dotnet path/to/Mist.Api.dll</c> from elsewhere
/// would otherwise start without its defaults (log levels among them).
/// </summary>
public static class ShippedSettings
{
    private const string FileName = "appsettings.json";

    public static WebApplicationBuilder AddShippedSettings(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        if (File.Exists(Path.Combine(contentRoot, FileName))
            || !File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)))
        {
            return builder;
        }

        // First in the list, so environment variables and arguments still override it.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        return builder;
    }
}
