using Microsoft.EntityFrameworkCore;
using Mist.Delta.Manifests;
using Mist.Domain.Games;
using Mist.Domain.Versions;
using Mist.Infrastructure.ReadModels;
using Npgsql;

namespace Mist.Projections.Catalog;

/// <summary>
/// Applies events, oldest first, to the catalog tables of one schema inside the caller's
/// transaction. Every event sets columns to values it carries (never adds to them), so
/// applying the same events again leaves the same rows.
/// </summary>
public static class CatalogWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string schema,
        IReadOnlyList<object> events,
        IReadOnlyDictionary<string, VersionManifest?> manifests,
        CancellationToken cancellationToken)
    {
        await using var db = ReadModelDbContext.Create(connection, schema);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);

        var ingested = new Dictionary<(string, string), VersionManifest?>();
        foreach (var e in events)
        {
            await ApplyAsync(db, e, cancellationToken);
            if (e is BuildIngested i)
            {
                ingested[(i.Slug, i.Label)] = manifests.GetValueOrDefault(i.ManifestHash);
            }
        }

        await ReplaceEntriesAsync(db, ingested, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ApplyAsync(
        ReadModelDbContext db,
        object e,
        CancellationToken cancellationToken)
    {
        switch (e)
        {
            case GameRegistered registered:
                var game = await db.Games.FindAsync([registered.Slug], cancellationToken);
                if (game is null)
                {
                    game = new GameRow { Slug = registered.Slug, Name = registered.Name };
                    db.Games.Add(game);
                }

                game.Name = registered.Name;
                game.RegisteredAt = registered.RegisteredAt.ToUniversalTime();
                break;
            case GameDetailsChanged changed:
                if (await db.Games.FindAsync([changed.Slug], cancellationToken) is { } named)
                {
                    named.Name = changed.Name;
                }

                break;
            case BuildRequested requested:
                await RequestAsync(db, requested, cancellationToken);
                break;
            default:
                await ApplyToVersionAsync(db, e, cancellationToken);
                break;
        }
    }

    private static async Task RequestAsync(
        ReadModelDbContext db,
        BuildRequested requested,
        CancellationToken cancellationToken)
    {
        var key = new object[] { requested.Slug, requested.Label };
        var version = await db.Versions.FindAsync(key, cancellationToken);
        if (version is null)
        {
            version = new VersionRow { Slug = requested.Slug, Label = requested.Label,
                Status = "", SourcePath = "" };
            db.Versions.Add(version);
        }

        var build = await db.Builds.FindAsync(key, cancellationToken);
        if (build is null)
        {
            build = new BuildRow { Slug = requested.Slug, Label = requested.Label, State = "" };
            db.Builds.Add(build);
        }

        VersionChanges.Request(version, build, requested);
    }

    private static async Task ApplyToVersionAsync(
        ReadModelDbContext db,
        object e,
        CancellationToken cancellationToken)
    {
        if (VersionKey(e) is not { } key)
        {
            return;
        }

        var version = await db.Versions.FindAsync([key.Slug, key.Label], cancellationToken);
        var build = await db.Builds.FindAsync([key.Slug, key.Label], cancellationToken);
        if (version is null || build is null)
        {
            return;
        }

        VersionChanges.Apply(version, build, e);
    }

    private static (string Slug, string Label)? VersionKey(object e) => e switch
    {
        BuildIngestStarted s => (s.Slug, s.Label),
        BuildIngested i => (i.Slug, i.Label),
        BuildFailed f => (f.Slug, f.Label),
        VersionPublished p => (p.Slug, p.Label),
        VersionWithdrawn w => (w.Slug, w.Label),
        _ => null,
    };

    private static async Task ReplaceEntriesAsync(
        ReadModelDbContext db,
        Dictionary<(string Slug, string Label), VersionManifest?> ingested,
        CancellationToken cancellationToken)
    {
        foreach (var ((slug, label), manifest) in ingested)
        {
            await db.VersionEntries.Where(v => v.Slug == slug && v.Label == label)
                .ExecuteDeleteAsync(cancellationToken);
            if (manifest is null)
            {
                continue;
            }

            db.VersionEntries.AddRange(manifest.Entries.Select(entry => new VersionEntryRow
            {
                Slug = slug,
                Label = label,
                Path = entry.Path,
                Kind = entry.Kind.ToString().ToLowerInvariant(),
                Size = entry.Size,
                Sha256 = entry.Sha256,
                Executable = entry.Executable,
                LinkTarget = entry.LinkTarget,
                ChunkCount = entry.ChunkList.Count,
            }));
        }
    }

    internal static string Status(VersionStatus status) => status.ToString().ToLowerInvariant();
}
