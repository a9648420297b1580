using Microsoft.EntityFrameworkCore;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Games;
using Mist.Domain.Versions;
using static Mist.Api.Tests.Projections.CatalogEvents;

namespace Mist.Api.Tests.Projections;

public sealed class CatalogProjectionTests(ReadModelHost host) : IClassFixture<ReadModelHost>
{
    [Fact]
    public async Task Registered_game_and_requested_build_appear_as_rows()
    {
        await host.AppendAsync(StreamKeys.Game("alpha"), Game("alpha", "Alpha"),
            new GameDetailsChanged("alpha", "Alpha Redux", At(1)));
        await host.AppendAsync(StreamKeys.Version("alpha", "1.0"), Requested("alpha", "1.0"));

        await host.WaitForProjectionsAsync();

        await using var db = host.CreateDbContext();
        var game = await db.Games.SingleAsync(g => g.Slug == "alpha");
        game.Name.ShouldBe("Alpha Redux");
        game.RegisteredAt.ShouldBe(At(0));
        var version = await db.Versions.SingleAsync(v => v.Slug == "alpha");
        version.Status.ShouldBe("requested");
        version.SourcePath.ShouldBe("/imports/alpha/1.0");
        version.RequestedAt.ShouldBe(At(1));
        (await db.Builds.SingleAsync(b => b.Slug == "alpha")).State.ShouldBe("requested");
    }

    [Fact]
    public async Task Ingested_build_fills_the_entries_from_the_stored_manifest()
    {
        var manifest = Manifest("bravo");
        var hash = await host.Blobs.PutManifestAsync(
            ManifestSerializer.Serialize(manifest), CancellationToken.None);
        await host.AppendAsync(StreamKeys.Game("bravo"), Game("bravo"));
        await host.AppendAsync(StreamKeys.Version("bravo", "2.1"),
            PublishedVersion("bravo", "2.1", hash, "beta"));

        await host.WaitForProjectionsAsync();

        await using var db = host.CreateDbContext();
        var version = await db.Versions.SingleAsync(v => v.Slug == "bravo");
        version.Status.ShouldBe("published");
        version.Branch.ShouldBe("beta");
        version.ManifestHash.ShouldBe(hash);
        (version.FileCount, version.RawBytes, version.StoredBytes).ShouldBe((2, 30L, 20L));
        version.IngestedAt.ShouldBe(At(3));
        version.PublishedAt.ShouldBe(At(4));

        var entries = await db.VersionEntries.Where(e => e.Slug == "bravo")
            .OrderBy(e => e.Path).ToListAsync();
        entries.Select(e => (e.Path, e.Kind)).ShouldBe(
        [
            ("bin", "directory"), ("bin/game", "file"), ("readme.txt", "file"),
            ("start", "symlink"),
        ]);
        var game = entries[1];
        (game.Size, game.Executable, game.ChunkCount).ShouldBe((30L, true, 2));
        game.Sha256.ShouldBe(Hash("bravogame"));
        entries[3].LinkTarget.ShouldBe("bin/game");

        var build = await db.Builds.SingleAsync(b => b.Slug == "bravo");
        (build.State, build.Attempt, build.FilesTotal, build.BytesTotal)
            .ShouldBe(("ingested", 1, 2, 30L));
    }

    [Fact]
    public async Task Failed_attempt_keeps_its_reason_until_the_next_attempt_starts()
    {
        var key = StreamKeys.Version("charlie", "1");
        await host.AppendAsync(key, Requested("charlie", "1"),
            new BuildIngestStarted("charlie", "1", 1, At(2)),
            new BuildFailed("charlie", "1", "disk full", 1, At(3)));
        await host.WaitForProjectionsAsync();

        await using (var db = host.CreateDbContext())
        {
            var failed = await db.Builds.SingleAsync(b => b.Slug == "charlie");
            (failed.State, failed.Attempt, failed.Error).ShouldBe(("failed", 1, "disk full"));
            (await db.Versions.SingleAsync(v => v.Slug == "charlie")).FailureReason
                .ShouldBe("disk full");
        }

        await host.AppendAsync(key, new BuildIngestStarted("charlie", "1", 2, At(4)));
        await host.WaitForProjectionsAsync();

        await using (var db = host.CreateDbContext())
        {
            var retried = await db.Builds.SingleAsync(b => b.Slug == "charlie");
            (retried.State, retried.Attempt, retried.Error).ShouldBe(("ingesting", 2, null));
        }
    }

    [Fact]
    public async Task Withdrawn_version_keeps_its_branch_and_records_why()
    {
        var hash = await host.Blobs.PutManifestAsync(
            ManifestSerializer.Serialize(Manifest("delta")), CancellationToken.None);
        await host.AppendAsync(StreamKeys.Version("delta", "1"),
            [.. PublishedVersion("delta", "1", hash),
                new VersionWithdrawn("delta", "1", "crashes on start", At(9))]);

        await host.WaitForProjectionsAsync();

        await using var db = host.CreateDbContext();
        var version = await db.Versions.SingleAsync(v => v.Slug == "delta");
        (version.Status, version.Branch).ShouldBe(("withdrawn", Naming.DefaultBranch));
        version.WithdrawalReason.ShouldBe("crashes on start");
        version.WithdrawnAt.ShouldBe(At(9));
    }

    [Fact]
    public async Task Missing_manifest_leaves_the_version_without_entries_and_does_not_stall()
    {
        var lost = Hash("never stored");
        await host.AppendAsync(StreamKeys.Version("echo", "1"),
            PublishedVersion("echo", "1", lost));
        await host.AppendAsync(StreamKeys.Game("echo"), Game("echo"));

        await host.WaitForProjectionsAsync();

        await using var db = host.CreateDbContext();
        (await db.Versions.SingleAsync(v => v.Slug == "echo")).Status.ShouldBe("published");
        (await db.VersionEntries.CountAsync(e => e.Slug == "echo")).ShouldBe(0);
        (await db.Games.CountAsync(g => g.Slug == "echo")).ShouldBe(1);
    }

    [Fact]
    public async Task Events_of_one_stream_in_one_batch_end_as_the_last_one_says()
    {
        var hash = await host.Blobs.PutManifestAsync(
            ManifestSerializer.Serialize(Manifest("foxtrot")), CancellationToken.None);
        await host.AppendAsync(StreamKeys.Version("foxtrot", "1"),
        [
            Requested("foxtrot", "1"),
            new BuildIngestStarted("foxtrot", "1", 1, At(2)),
            new BuildFailed("foxtrot", "1", "read error", 1, At(3)),
            new BuildIngestStarted("foxtrot", "1", 2, At(4)),
            Ingested("foxtrot", "1", hash, 5),
        ]);

        await host.WaitForProjectionsAsync();

        await using var db = host.CreateDbContext();
        var version = await db.Versions.SingleAsync(v => v.Slug == "foxtrot");
        (version.Status, version.Attempt, version.FailureReason).ShouldBe(("ingested", 2, null));
        (await db.VersionEntries.CountAsync(e => e.Slug == "foxtrot")).ShouldBe(4);
    }
}
