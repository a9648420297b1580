using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mist.Infrastructure.Accounts;

public static class AccountStoreRegistration
{
    /// <summary>The accounts tables, created at start-up, and the store over them.</summary>
    public static IHostApplicationBuilder AddAccountStore(this IHostApplicationBuilder builder)
    {
        var connectionString = DatabaseConnection.From(builder.Configuration);

        builder.Services.AddPooledDbContextFactory<AccountsDbContext>(
            options => options.UseNpgsql(connectionString));
        builder.Services.AddSingleton<AccountsSchema>();
        builder.Services.AddHostedService(services =>
            services.GetRequiredService<AccountsSchema>());
        builder.Services.AddSingleton<UserStore>();
        return builder;
    }
}
