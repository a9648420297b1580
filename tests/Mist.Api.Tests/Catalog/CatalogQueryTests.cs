using Mist.Api.Tests.Projections;
using Mist.Application.Builds;
using Mist.Application.Catalog;
using Mist.Application.Catalog.GetBuildStatus;
using Mist.Application.Catalog.GetGame;
using Mist.Application.Catalog.GetManifest;
using Mist.Application.Catalog.GetVersion;
using Mist.Application.Catalog.GetVersionManifest;
using Mist.Application.Catalog.ListGames;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Versions;
using Mist.Infrastructure.ReadModels;
using static Mist.Api.Tests.Projections.CatalogEvents;

namespace Mist.Api.Tests.Catalog;

/// <summary>
/// The catalog queries on read models the daemon filled: game "quest" has 1.0 and 1.1 on
/// main, 2.0-beta on beta, 0.9 withdrawn from main, 1.2 ingested and 1.3 still ingesting.
/// </summary>
public sealed class CatalogQueryTests(ReadModelHost host)
    : IClassFixture<ReadModelHost>, IAsyncLifetime
{
    private string _hash10 = "";
    private string _hash12 = "";

    public async Task InitializeAsync()
    {
        _hash10 = await StoreManifestAsync("1.0");
        _hash12 = await StoreManifestAsync("1.2");
        var hash11 = await StoreManifestAsync("1.1");
        var beta = await StoreManifestAsync("2.0-beta");
        if (await new EfCatalogReader(host.CreateDbContext())
                .GetGameAsync("quest", true, CancellationToken.None) is not null)
        {
            return;
        }

        await host.AppendAsync(StreamKeys.Game("quest"), Game("quest", "Quest"));
        await host.AppendAsync(StreamKeys.Game("empty"), Game("empty", "Empty"));
        await host.AppendAsync(StreamKeys.Version("quest", "0.9"),
            [.. PublishedVersion("quest", "0.9", _hash10, minute: 1),
                new VersionWithdrawn("quest", "0.9", "broken", At(8))]);
        await host.AppendAsync(StreamKeys.Version("quest", "1.0"),
            PublishedVersion("quest", "1.0", _hash10, minute: 10));
        await host.AppendAsync(StreamKeys.Version("quest", "1.1"),
            PublishedVersion("quest", "1.1", hash11, minute: 20));
        await host.AppendAsync(StreamKeys.Version("quest", "2.0-beta"),
            PublishedVersion("quest", "2.0-beta", beta, "beta", minute: 30));
        await host.AppendAsync(StreamKeys.Version("quest", "1.2"),
            Requested("quest", "1.2", 40), new BuildIngestStarted("quest", "1.2", 1, At(41)),
            Ingested("quest", "1.2", _hash12, 42));
        await host.AppendAsync(StreamKeys.Version("quest", "1.3"),
            Requested("quest", "1.3", 50), new BuildIngestStarted("quest", "1.3", 2, At(51)));
        await host.WaitForProjectionsAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListGames_names_the_latest_published_label_per_branch()
    {
        var games = await new ListGamesHandler(Reader()).Handle(new ListGames(), default);

        games.Select(g => g.Slug).ShouldBe(["empty", "quest"]);
        games[0].Latest.ShouldBeEmpty();
        games[1].Latest.ShouldBe(new Dictionary<string, string>
        {
            ["main"] = "1.1",
            ["beta"] = "2.0-beta",
        });
    }

    [Fact]
    public async Task GetGame_shows_players_published_versions_only()
    {
        var game = await new GetGameHandler(Reader()).Handle(new GetGame("quest", false), default);

        game.Branches.Select(b => (b.Name, string.Join(",", b.Versions.Select(v => v.Label))))
            .ShouldBe([("beta", "2.0-beta"), ("main", "1.1,1.0")]);
        game.Unpublished.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetGame_shows_admins_withdrawn_and_unpublished_versions_too()
    {
        var game = await new GetGameHandler(Reader()).Handle(new GetGame("quest", true), default);

        var main = game.Branches.Single(b => b.Name == "main").Versions;
        main.Select(v => (v.Label, v.Status)).ShouldBe(
        [
            ("1.1", VersionStatus.Published), ("1.0", VersionStatus.Published),
            ("0.9", VersionStatus.Withdrawn),
        ]);
        game.Unpublished.Select(v => (v.Label, v.Status))
            .ShouldBe([("1.3", VersionStatus.Ingesting), ("1.2", VersionStatus.Ingested)]);
    }

    [Fact]
    public async Task GetGame_of_an_unknown_slug_is_not_found()
    {
        var refused = await Should.ThrowAsync<DomainException>(async () =>
            await new GetGameHandler(Reader()).Handle(new GetGame("nope", true), default));

        refused.Kind.ShouldBe(DomainErrorKind.NotFound);
    }

    [Fact]
    public async Task GetVersion_hides_an_unpublished_version_from_players()
    {
        var handler = new GetVersionHandler(Reader());

        var admin = await handler.Handle(new GetVersion("quest", "1.2", true), default);
        var player = await Should.ThrowAsync<DomainException>(async () =>
            await handler.Handle(new GetVersion("quest", "1.2", false), default));

        (admin.Status, admin.ManifestHash, admin.FileCount).ShouldBe(
            (VersionStatus.Ingested, _hash12, 2));
        admin.RequestedAt.ShouldBe(At(40));
        player.Kind.ShouldBe(DomainErrorKind.NotFound);
    }

    [Fact]
    public async Task GetVersionManifest_returns_the_stored_bytes_and_their_hash()
    {
        var handler = new GetVersionManifestHandler(Reader(), host.Blobs);

        var manifest = await handler.Handle(new GetVersionManifest("quest", "1.0", false), default);

        manifest.Hash.ShouldBe(_hash10);
        ManifestSerializer.Hash(manifest.Bytes).ShouldBe(_hash10);
        var notIngested = await Should.ThrowAsync<DomainException>(async () =>
            await handler.Handle(new GetVersionManifest("quest", "1.3", true), default));
        notIngested.Kind.ShouldBe(DomainErrorKind.NotFound);
    }

    [Fact]
    public async Task GetManifest_by_hash_is_refused_to_players_for_unpublished_versions()
    {
        var handler = new GetManifestHandler(Reader(), host.Blobs);

        var admin = await handler.Handle(new GetManifest(_hash12, true), default);
        var player = await Should.ThrowAsync<DomainException>(async () =>
            await handler.Handle(new GetManifest(_hash12, false), default));
        var published = await handler.Handle(new GetManifest(_hash10, false), default);

        admin.Bytes.ShouldNotBeEmpty();
        player.Kind.ShouldBe(DomainErrorKind.NotFound);
        published.Hash.ShouldBe(_hash10);
    }

    [Fact]
    public void GetManifest_refuses_a_hash_that_is_not_sha256_hex()
    {
        var validator = new GetManifestValidator();

        validator.Validate(new GetManifest("../etc/passwd", false)).IsValid.ShouldBeFalse();
        validator.Validate(new GetManifest(_hash10, false)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task GetBuildStatus_adds_the_progress_of_the_current_attempt_only()
    {
        var progress = host.Get<IBuildProgress>();
        var handler = new GetBuildStatusHandler(Reader());

        await progress.ReportAsync("quest", "1.3", new BuildProgressSnapshot(1, 9, 9, 90, 90),
            CancellationToken.None);
        var stale = await handler.Handle(new GetBuildStatus("quest", "1.3"), default);
        await progress.ReportAsync("quest", "1.3", new BuildProgressSnapshot(2, 4, 10, 400, 1000),
            CancellationToken.None);
        var current = await handler.Handle(new GetBuildStatus("quest", "1.3"), default);

        stale.ShouldBe(new BuildStatus(VersionStatus.Ingesting, 2, 0, 0, 0, 0, null));
        current.ShouldBe(new BuildStatus(VersionStatus.Ingesting, 2, 4, 10, 400, 1000, null));
    }

    [Fact]
    public async Task GetBuildStatus_of_an_ingested_build_is_complete()
    {
        var status = await new GetBuildStatusHandler(Reader())
            .Handle(new GetBuildStatus("quest", "1.2"), default);

        status.ShouldBe(new BuildStatus(VersionStatus.Ingested, 1, 2, 2, 30, 30, null));
    }

    private EfCatalogReader Reader() => new(host.CreateDbContext());

    private Task<string> StoreManifestAsync(string seed) =>
        host.Blobs.PutManifestAsync(
            ManifestSerializer.Serialize(Manifest(seed)), CancellationToken.None);
}
