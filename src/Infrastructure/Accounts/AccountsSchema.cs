using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mist.Infrastructure.Accounts;

/// <summary>
/// Creates the accounts schema at start-up with idempotent DDL. EnsureCreated cannot do it:
/// it does nothing once Marten's tables exist in the same database. A later change appends
/// statements that are idempotent too (<c>add column if not exists</c>).
/// </summary>
public sealed partial class AccountsSchema(
    IDbContextFactory<AccountsDbContext> contexts,
    ILogger<AccountsSchema> logger) : IHostedService
{
    public const string Name = "mist_accounts";

    // Two nodes starting together could both try to create the table; the loser would fail
    // on the catalog's unique index. A transaction-scoped advisory lock serialises them.
    private const string Ddl = $"""
        select pg_advisory_xact_lock(hashtext('{Name}.schema'));
        create schema if not exists {Name};
        create table if not exists {Name}.users (
            id uuid primary key,
            user_name text not null,
            password_hash text not null,
            role text not null check (role in ('admin', 'player')),
            created_at timestamptz not null,
            security_stamp text not null
        );
        create unique index if not exists users_user_name_key
            on {Name}.users (lower(user_name));
        """;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction =
            await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(Ddl, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogEnsured(Name);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) =>
        EnsureAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accounts schema {Schema} is in place")]
    private partial void LogEnsured(string schema);
}
