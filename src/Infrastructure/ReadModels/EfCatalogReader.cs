using Microsoft.EntityFrameworkCore;
using Mist.Application.Catalog;
using Mist.Domain.Patches;
using Mist.Domain.Versions;

namespace Mist.Infrastructure.ReadModels;

/// <summary>The catalog read port on the EF Core read models.</summary>
public sealed class EfCatalogReader(ReadModelDbContext db) : ICatalogReader
{
    private static readonly string Published = Status(VersionStatus.Published);

    public async Task<IReadOnlyList<GameSummary>> ListGamesAsync(
        CancellationToken cancellationToken)
    {
        var games = await db.Games.AsNoTracking().OrderBy(g => g.Slug)
            .ToListAsync(cancellationToken);
        var published = await db.Versions.AsNoTracking()
            .Where(v => v.Status == Published && v.Branch != null)
            .Select(v => new { v.Slug, v.Label, v.Branch, v.PublishedAt })
            .ToListAsync(cancellationToken);

        var latest = published
            .GroupBy(v => v.Slug)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(v => v.Branch!)
                    .ToDictionary(
                        b => b.Key,
                        b => b.OrderByDescending(v => v.PublishedAt).First().Label));
        return [.. games.Select(g => new GameSummary(
            g.Slug, g.Name, latest.GetValueOrDefault(g.Slug) ?? []))];
    }

    public async Task<GameDetails?> GetGameAsync(
        string slug,
        bool includeUnpublished,
        CancellationToken cancellationToken)
    {
        var game = await db.Games.AsNoTracking()
            .FirstOrDefaultAsync(g => g.Slug == slug, cancellationToken);
        if (game is null)
        {
            return null;
        }

        var versions = await Visible(includeUnpublished).Where(v => v.Slug == slug)
            .ToListAsync(cancellationToken);

        // Withdrawn versions stay on their branch for admins, so the history reads whole.
        var branches = versions.Where(v => v.Branch is not null)
            .GroupBy(v => v.Branch!)
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new BranchVersions(b.Key, [.. b
                .OrderByDescending(v => v.PublishedAt)
                .ThenByDescending(v => v.Label, StringComparer.Ordinal)
                .Select(ToSummary)]));
        var unpublished = versions.Where(v => v.Branch is null)
            .OrderByDescending(v => v.RequestedAt)
            .Select(ToSummary);

        // Only patches to versions the caller may see; the base may be withdrawn, since a
        // player who has it installed still needs a way off it.
        var visible = versions.Select(v => v.Label).ToHashSet(StringComparer.Ordinal);
        var completed = Status(PatchStatus.Completed);
        var patches = await db.Patches.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status == completed)
            .ToListAsync(cancellationToken);
        return new GameDetails(game.Slug, game.Name, [.. branches], [.. unpublished],
        [
            .. patches
                .Where(p => visible.Contains(p.ToLabel))
                .OrderBy(p => p.ToLabel, StringComparer.Ordinal)
                .ThenBy(p => p.FromLabel, StringComparer.Ordinal)
                .Select(p => new PatchSummary(p.FromLabel, p.ToLabel, p.PatchManifestHash ?? "",
                    p.DownloadBytes, p.BytesWritten, p.PeakExtraBytes)),
        ]);
    }

    public async Task<VersionSummary?> GetVersionAsync(
        string slug,
        string label,
        bool includeUnpublished,
        CancellationToken cancellationToken)
    {
        var version = await Visible(includeUnpublished)
            .FirstOrDefaultAsync(v => v.Slug == slug && v.Label == label, cancellationToken);
        return version is null ? null : ToSummary(version);
    }

    public Task<bool> IsManifestVisibleAsync(
        string manifestHash,
        bool includeUnpublished,
        CancellationToken cancellationToken) =>
        Visible(includeUnpublished)
            .AnyAsync(v => v.ManifestHash == manifestHash, cancellationToken);

    public async Task<BuildStatus?> GetBuildStatusAsync(
        string slug,
        string label,
        CancellationToken cancellationToken)
    {
        var build = await db.Builds.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Slug == slug && b.Label == label, cancellationToken);
        if (build is null)
        {
            return null;
        }

        var state = Enum.Parse<VersionStatus>(build.State, ignoreCase: true);
        if (state == VersionStatus.Ingested)
        {
            return new BuildStatus(state, build.Attempt, build.FilesTotal, build.FilesTotal,
                build.BytesTotal, build.BytesTotal, null);
        }

        // A report from an earlier attempt says nothing about this one.
        var progress = await db.BuildProgress.AsNoTracking()
            .FirstOrDefaultAsync(
                p => p.Slug == slug && p.Label == label && p.Attempt == build.Attempt,
                cancellationToken);
        return new BuildStatus(state, build.Attempt,
            progress?.FilesDone ?? 0, progress?.FilesTotal ?? 0,
            progress?.BytesDone ?? 0, progress?.BytesTotal ?? 0, build.Error);
    }

    public async Task<PatchChainStatus?> GetPatchChainAsync(
        string slug,
        string label,
        CancellationToken cancellationToken)
    {
        var version = await db.Versions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Slug == slug && v.Label == label, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var patches = await db.Patches.AsNoTracking()
            .Where(p => p.Slug == slug && p.ToLabel == label)
            .OrderBy(p => p.FromLabel)
            .ToListAsync(cancellationToken);
        return new PatchChainStatus(version.PatchChainCompletedAt is not null,
            version.PatchChainTimedOut,
        [
            .. patches.Select(p => new PatchProgress(p.FromLabel, p.ToLabel,
                Enum.Parse<PatchStatus>(p.Status, ignoreCase: true), p.PatchManifestHash,
                p.DownloadBytes, p.BytesWritten, p.PeakExtraBytes, p.Failures, p.LastError)),
        ]);
    }

    private IQueryable<VersionRow> Visible(bool includeUnpublished) =>
        includeUnpublished
            ? db.Versions.AsNoTracking()
            : db.Versions.AsNoTracking().Where(v => v.Status == Published);

    private static VersionSummary ToSummary(VersionRow row) =>
        new(row.Label, Enum.Parse<VersionStatus>(row.Status, ignoreCase: true), row.Branch,
            row.ManifestHash, row.FileCount, row.RawBytes, row.StoredBytes, row.RequestedAt,
            row.PublishedAt);

    internal static string Status(VersionStatus status) => status.ToString().ToLowerInvariant();

    private static string Status(PatchStatus status) => status.ToString().ToLowerInvariant();
}
