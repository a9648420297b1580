using Microsoft.EntityFrameworkCore;
using Mist.Delta.Manifests;
using Mist.Domain.Games;
using Mist.Domain.Patches;
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

        // Every lookup below reads the change tracker; with automatic detection each one
        // would scan every tracked row, which makes a 500-event page quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await LoadRowsAsync(db, events, cancellationToken);

        var ingested = new Dictionary<(string, string), VersionManifest?>();
        foreach (var e in events)
        {
            Apply(db, e);
            if (e is BuildIngested i)
            {
                ingested[(i.Slug, i.Label)] = manifests.GetValueOrDefault(i.ManifestHash);
            }
        }

        await ReplaceEntriesAsync(db, ingested, cancellationToken);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    // One query per table for the whole batch instead of one per event: afterwards every
    // row the batch can touch is tracked, and a row that is not tracked does not exist.
    private static async Task LoadRowsAsync(
        ReadModelDbContext db,
        IReadOnlyList<object> events,
        CancellationToken cancellationToken)
    {
        var slugs = events.Select(SlugOf).OfType<string>().Distinct().ToList();
        await db.Games.Where(g => slugs.Contains(g.Slug)).LoadAsync(cancellationToken);
        await db.Versions.Where(v => slugs.Contains(v.Slug)).LoadAsync(cancellationToken);
        await db.Builds.Where(b => slugs.Contains(b.Slug)).LoadAsync(cancellationToken);
        await db.Patches.Where(p => slugs.Contains(p.Slug)).LoadAsync(cancellationToken);
    }

    private static void Apply(ReadModelDbContext db, object e)
    {
        switch (e)
        {
            case GameRegistered registered:
                var game = db.Games.Local.FindEntry(registered.Slug)?.Entity;
                if (game is null)
                {
                    game = new GameRow { Slug = registered.Slug, Name = registered.Name };
                    db.Games.Add(game);
                }

                game.Name = registered.Name;
                game.RegisteredAt = registered.RegisteredAt.ToUniversalTime();
                break;
            case GameDetailsChanged changed:
                if (db.Games.Local.FindEntry(changed.Slug)?.Entity is { } named)
                {
                    named.Name = changed.Name;
                }

                break;
            case BuildRequested requested:
                Request(db, requested);
                break;
            case PatchRequested or PatchCompleted or PatchSkipped or PatchFailed:
                PatchChanges.Apply(db, e);
                break;
            default:
                ApplyToVersion(db, e);
                break;
        }
    }

    private static void Request(ReadModelDbContext db, BuildRequested requested)
    {
        object[] key = [requested.Slug, requested.Label];
        var version = db.Versions.Local.FindEntryUntyped(key)?.Entity;
        if (version is null)
        {
            version = new VersionRow
            {
                Slug = requested.Slug, Label = requested.Label, Status = "", SourcePath = "",
            };
            db.Versions.Add(version);
        }

        var build = db.Builds.Local.FindEntryUntyped(key)?.Entity;
        if (build is null)
        {
            build = new BuildRow { Slug = requested.Slug, Label = requested.Label, State = "" };
            db.Builds.Add(build);
        }

        VersionChanges.Request(version, build, requested);
    }

    private static void ApplyToVersion(ReadModelDbContext db, object e)
    {
        if (VersionKey(e) is not { } key)
        {
            return;
        }

        object[] keyValues = [key.Slug, key.Label];
        var version = db.Versions.Local.FindEntryUntyped(keyValues)?.Entity;
        var build = db.Builds.Local.FindEntryUntyped(keyValues)?.Entity;
        if (version is not null && build is not null)
        {
            VersionChanges.Apply(version, build, e);
        }
    }

    private static string? SlugOf(object e) => e switch
    {
        GameRegistered r => r.Slug,
        GameDetailsChanged c => c.Slug,
        BuildRequested r => r.Slug,
        _ => VersionKey(e)?.Slug ?? PatchChanges.KeyOf(e)?.Slug,
    };

    private static (string Slug, string Label)? VersionKey(object e) => e switch
    {
        BuildIngestStarted s => (s.Slug, s.Label),
        BuildIngested i => (i.Slug, i.Label),
        BuildFailed f => (f.Slug, f.Label),
        VersionPublished p => (p.Slug, p.Label),
        VersionWithdrawn w => (w.Slug, w.Label),
        PatchChainCompleted c => (c.Slug, c.Label),
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
