using Microsoft.EntityFrameworkCore;
using Mist.Api.Tests.Projections;
using Mist.Domain.Common;
using Mist.Domain.Patches;
using Mist.Domain.Versions;
using Mist.Projections.Rebuild;
using static Mist.Api.Tests.Projections.CatalogEvents;

namespace Mist.Api.Tests.Patches;

/// <summary>The patches table and the chain columns of versions, live and rebuilt.</summary>
public sealed class PatchProjectionTests(ReadModelHost host)
    : IClassFixture<ReadModelHost>, IAsyncLifetime
{
    private const string Slug = "proj";

    public async Task InitializeAsync()
    {
        await using (var db = host.CreateDbContext())
        {
            if (await db.Games.AnyAsync(g => g.Slug == Slug))
            {
                return;
            }
        }

        await host.AppendAsync(StreamKeys.Game(Slug), Game(Slug));
        await host.AppendAsync(StreamKeys.Version(Slug, "1.0"),
            PublishedVersion(Slug, "1.0", Hash("m1"), minute: 1));
        await host.AppendAsync(StreamKeys.Version(Slug, "1.1"),
            [.. PublishedVersion(Slug, "1.1", Hash("m2"), minute: 10),
                new PatchChainCompleted(Slug, "1.1", ["1.0"], [], [], false, At(30))]);
        await host.AppendAsync(StreamKeys.Patch(Slug, "1.0", "1.1"),
            new PatchRequested(Slug, "1.0", "1.1", Hash("m1"), Hash("m2"), At(14)),
            new PatchFailed(Slug, "1.0", "1.1", "Missing from storage", 1, At(15)),
            new PatchCompleted(Slug, "1.0", "1.1", Hash("patch"), 1200, 5000, 5000, 2,
                TimeSpan.FromSeconds(3), At(16)));
        await host.AppendAsync(StreamKeys.Version(Slug, "1.2"),
            PublishedVersion(Slug, "1.2", Hash("m3"), minute: 40));
        await host.AppendAsync(StreamKeys.Patch(Slug, "1.1", "1.2"),
            new PatchRequested(Slug, "1.1", "1.2", Hash("m2"), Hash("m3"), At(44)),
            new PatchSkipped(Slug, "1.1", "1.2", 9000, 8000, At(45)));
        await host.WaitForProjectionsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Patch_rows_follow_their_streams_and_chain_closing_marks_the_version()
    {
        await using var db = host.CreateDbContext();
        var rows = await db.Patches.Where(p => p.Slug == Slug).OrderBy(p => p.FromLabel)
            .ToListAsync();
        var v11 = await db.Versions.SingleAsync(v => v.Slug == Slug && v.Label == "1.1");
        var v12 = await db.Versions.SingleAsync(v => v.Slug == Slug && v.Label == "1.2");

        rows.Count.ShouldBe(2);
        var completed = rows[0];
        (completed.Status, completed.PatchManifestHash, completed.DownloadBytes)
            .ShouldBe(("completed", Hash("patch"), 1200L));
        (completed.BytesWritten, completed.PeakExtraBytes, completed.Failures)
            .ShouldBe((5000L, 5000L, 1));
        completed.LastError.ShouldBeNull();
        completed.BaseManifestHash.ShouldBe(Hash("m1"));
        (rows[1].Status, rows[1].PatchManifestHash).ShouldBe(("skipped", (string?)null));
        v11.PatchChainCompletedAt.ShouldBe(At(30));
        v12.PatchChainCompletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Rebuild_gives_the_same_patch_rows()
    {
        var live = await TableSnapshot.TakeAsync(host.ConnectionString);

        await host.Get<ReadModelRebuilder>().RebuildAsync(null, CancellationToken.None);

        var rebuilt = await TableSnapshot.TakeAsync(host.ConnectionString);
        live["patches"].Count.ShouldBe(2);
        rebuilt["patches"].ShouldBe(live["patches"]);
        rebuilt["versions"].ShouldBe(live["versions"]);
    }
}
