using Microsoft.EntityFrameworkCore;

namespace Mist.Infrastructure.Accounts;

/// <summary>
/// The accounts tables, apart from the read models: they are not derived from the event log,
/// so a projection rebuild must never touch them. <see cref="AccountsSchema"/> creates them.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var user = modelBuilder.Entity<UserAccount>();
        user.ToTable("users", AccountsSchema.Name);
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        user.Property(u => u.UserName).HasColumnName("user_name");
        user.Property(u => u.PasswordHash).HasColumnName("password_hash");
        user.Property(u => u.Role).HasColumnName("role");
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Property(u => u.SecurityStamp).HasColumnName("security_stamp");
    }
}
