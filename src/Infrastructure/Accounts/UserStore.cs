using Microsoft.EntityFrameworkCore;
using Mist.Domain.Common;
using Npgsql;

namespace Mist.Infrastructure.Accounts;

/// <summary>
/// Reads and writes user rows. User names compare case-insensitively: the unique index is on
/// <c>lower(user_name)</c> and lookups use the same expression, so they use that index.
/// </summary>
public sealed class UserStore(IDbContextFactory<AccountsDbContext> contexts)
{
    public async Task<UserAccount?> FindByNameAsync(
        string userName,
        CancellationToken cancellationToken)
    {
        var key = userName.ToLowerInvariant();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.UserName.ToLower() == key, cancellationToken);
    }

    public async Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Users.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    /// <summary>Adds a user; a name taken in any letter case is refused as a conflict.</summary>
    public async Task AddAsync(UserAccount account, CancellationToken cancellationToken)
    {
        // Checked first for a quiet refusal; the unique index still settles a race.
        if (await FindByNameAsync(account.UserName, cancellationToken) is not null)
        {
            throw Taken(account.UserName);
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Users.Add(account);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
        })
        {
            throw Taken(account.UserName);
        }
    }

    public async Task UpdateAsync(UserAccount account, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Users.Update(account);
        await context.SaveChangesAsync(cancellationToken);
    }

    private static DomainException Taken(string userName) =>
        DomainException.Conflict($"A user named '{userName}' exists.");
}
