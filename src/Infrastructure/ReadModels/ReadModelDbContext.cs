using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Mist.Infrastructure.ReadModels;

/// <summary>
/// The catalog's read models. The schema is a constructor argument because a rebuild writes
/// the same tables into a shadow schema before it swaps them in.
/// </summary>
public sealed class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options, string schema)
    : DbContext(options)
{
    public string Schema { get; } = schema;

    public DbSet<GameRow> Games => Set<GameRow>();

    public DbSet<VersionRow> Versions => Set<VersionRow>();

    public DbSet<VersionEntryRow> VersionEntries => Set<VersionEntryRow>();

    public DbSet<BuildRow> Builds => Set<BuildRow>();

    public DbSet<BuildProgressRow> BuildProgress => Set<BuildProgressRow>();

    public DbSet<PatchRow> Patches => Set<PatchRow>();

    public static ReadModelDbContext Create(string connectionString, string schema) =>
        new(Configure(new DbContextOptionsBuilder<ReadModelDbContext>()
            .UseNpgsql(connectionString)), schema);

    /// <summary>A context on a connection someone else opened (Marten's, a rebuild's).</summary>
    public static ReadModelDbContext Create(DbConnection connection, string schema) =>
        new(Configure(new DbContextOptionsBuilder<ReadModelDbContext>()
            .UseNpgsql(connection)), schema);

    private static DbContextOptions<ReadModelDbContext> Configure(
        DbContextOptionsBuilder<ReadModelDbContext> builder) =>
        builder
            .ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>()
            .Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<GameRow>(game =>
        {
            game.ToTable("games");
            game.HasKey(g => g.Slug);
        });
        modelBuilder.Entity<VersionRow>(version =>
        {
            version.ToTable("versions");
            version.HasKey(v => new { v.Slug, v.Label });
            version.HasIndex(v => v.ManifestHash);
        });
        modelBuilder.Entity<VersionEntryRow>(entry =>
        {
            entry.ToTable("version_entries");
            entry.HasKey(e => new { e.Slug, e.Label, e.Path });
            entry.HasIndex(e => e.Sha256);
        });
        modelBuilder.Entity<BuildRow>(build =>
        {
            build.ToTable("builds");
            build.HasKey(b => new { b.Slug, b.Label });
        });
        modelBuilder.Entity<PatchRow>(patch =>
        {
            patch.ToTable("patches");
            patch.HasKey(p => new { p.Slug, p.FromLabel, p.ToLabel });
        });
        modelBuilder.Entity<BuildProgressRow>(progress =>
        {
            progress.ToTable("build_progress");
            progress.HasKey(p => new { p.Slug, p.Label });
        });

        foreach (var property in modelBuilder.Model.GetEntityTypes()
                     .SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
