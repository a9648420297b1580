using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mist.Application.Storage;

namespace Mist.Infrastructure.Storage;

public static class StorageRegistration
{
    /// <summary>Registers the file-system blob store over the configured data root; a missing
    /// data root stops the process at start with the setting's name.</summary>
    public static IServiceCollection AddFileSystemStorage(
        this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IBlobStore>(new FileSystemBlobStore(options));
        return services;
    }
}
