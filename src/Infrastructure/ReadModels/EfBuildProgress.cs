using Microsoft.EntityFrameworkCore;
using Mist.Application.Builds;

namespace Mist.Infrastructure.ReadModels;

/// <summary>
/// Writes build progress straight into build_progress, one upsert per report, outside any
/// projection: progress is not in the log and a rebuild keeps the table as it is.
/// </summary>
public sealed class EfBuildProgress(ReadModelDbContextFactory contexts, TimeProvider clock)
    : IBuildProgress
{
    public async Task ReportAsync(
        string slug,
        string label,
        BuildProgressSnapshot progress,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateLive();
        var now = clock.GetUtcNow();

        // One statement, so that reports racing for the same version cannot fail on the key.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            insert into mist_read.build_progress
                (slug, label, attempt, files_done, files_total, bytes_done, bytes_total,
                 reported_at)
            values ({slug}, {label}, {progress.Attempt}, {progress.FilesDone},
                    {progress.FilesTotal}, {progress.BytesDone}, {progress.BytesTotal}, {now})
            on conflict (slug, label) do update set
                attempt = excluded.attempt,
                files_done = excluded.files_done,
                files_total = excluded.files_total,
                bytes_done = excluded.bytes_done,
                bytes_total = excluded.bytes_total,
                reported_at = excluded.reported_at
            """,
            cancellationToken);
    }
}
