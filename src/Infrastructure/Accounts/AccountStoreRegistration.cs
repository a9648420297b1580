using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mist.Infrastructure.Accounts;

public static class AccountStoreRegistration
{
    /// <summary>The accounts tables, created at start-up, and the store over them.</summary>
    public static IHostApplicationBuilder AddAccountStore(this IHostApplicationBuilder builder)
    {
        var connectionString = DatabaseConnection.From(builder.Configuration);

        // Each request reads a user row for the token check: its SQL is debug detail, not news.
        builder.Services.AddPooledDbContextFactory<AccountsDbContext>(options => options
            .UseNpgsql(connectionString)
            .ConfigureWarnings(warnings =>
                warnings.Log((RelationalEventId.CommandExecuted, LogLevel.Debug))));
        builder.Services.AddSingleton<AccountsSchema>();
        builder.Services.AddHostedService(services =>
            services.GetRequiredService<AccountsSchema>());
        builder.Services.AddSingleton<UserStore>();
        return builder;
    }
}
