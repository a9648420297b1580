using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Domain.Tests.Versions;

public sealed class GameVersionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly BuildRequested Requested =
        new("space-game", "1.0.0", "/imports/space-game/1.0.0", Now);

    private static readonly BuildIngestStarted Started = new("space-game", "1.0.0", 1, Now);

    private static readonly BuildIngested Ingested =
        new("space-game", "1.0.0", "abc123", 3, 300, 120, Now);

    private static GameVersion Given(params object[] events) => GameVersion.Fold(events);

    [Fact]
    public void Publish_given_an_ingested_version_records_branch_and_manifest()
    {
        var version = Given(Requested, Started, Ingested);

        var published = version.Publish("main", Now);

        published.ShouldBe(new VersionPublished("space-game", "1.0.0", "main", "abc123", Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Publish_given_a_version_not_yet_ingested_is_refused(int startedEvents)
    {
        var events = new object[] { Requested, Started }.Take(1 + startedEvents).ToArray();
        var version = Given(events);

        var refusal = Should.Throw<DomainException>(() => version.Publish("main", Now));

        refusal.Kind.ShouldBe(DomainErrorKind.Conflict);
    }

    [Fact]
    public void Publish_given_a_failed_build_is_refused()
    {
        var version = Given(
            Requested, Started, new BuildFailed("space-game", "1.0.0", "disk", 1, Now));

        Should.Throw<DomainException>(() => version.Publish("main", Now))
            .Kind.ShouldBe(DomainErrorKind.Conflict);
    }

    [Fact]
    public void Publish_given_an_invalid_branch_is_refused_as_invalid()
    {
        var version = Given(Requested, Started, Ingested);

        Should.Throw<DomainException>(() => version.Publish("Not A Branch", Now))
            .Kind.ShouldBe(DomainErrorKind.Invalid);
    }

    [Fact]
    public void Withdraw_given_a_published_version_withdraws_it()
    {
        var version = Given(Requested, Started, Ingested, Published());

        var withdrawn = version.Withdraw("broken save games", Now);

        withdrawn.Reason.ShouldBe("broken save games");
        version.Apply(withdrawn).Status.ShouldBe(VersionStatus.Withdrawn);
    }

    [Fact]
    public void Withdraw_given_an_unpublished_version_is_refused()
    {
        var version = Given(Requested, Started, Ingested);

        Should.Throw<DomainException>(() => version.Withdraw("why", Now))
            .Kind.ShouldBe(DomainErrorKind.Conflict);
    }

    [Fact]
    public void Withdraw_given_a_withdrawn_version_is_refused()
    {
        var version = Given(Requested, Started, Ingested, Published(),
            new VersionWithdrawn("space-game", "1.0.0", "first", Now));

        Should.Throw<DomainException>(() => version.Withdraw("second", Now));
    }

    [Fact]
    public void StartIngest_given_a_failed_attempt_starts_the_next_attempt()
    {
        var version = Given(
            Requested, Started, new BuildFailed("space-game", "1.0.0", "io", 1, Now));

        var started = version.StartIngest(Now);

        started.ShouldNotBeNull().Attempt.ShouldBe(2);
    }

    [Fact]
    public void StartIngest_given_an_ingested_version_does_nothing()
    {
        var version = Given(Requested, Started, Ingested);

        version.StartIngest(Now).ShouldBeNull();
    }

    [Fact]
    public void CompleteIngest_given_a_version_not_ingesting_is_refused()
    {
        var version = Given(Requested);

        Should.Throw<DomainException>(() => version.CompleteIngest("h", 1, 1, 1, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("..")]
    [InlineData("-lead")]
    public void RequestBuild_given_an_invalid_label_is_refused(string label)
    {
        Should.Throw<DomainException>(() => GameVersion.RequestBuild("g", label, "/x", Now))
            .Kind.ShouldBe(DomainErrorKind.Invalid);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("2024-06-01")]
    [InlineData("beta_3")]
    [InlineData("10.0.15+build.7")]
    public void RequestBuild_given_a_valid_label_requests_the_build(string label)
    {
        GameVersion.RequestBuild("g", label, "/x", Now).Label.ShouldBe(label);
    }

    private static VersionPublished Published() =>
        new("space-game", "1.0.0", "main", "abc123", Now);
}
