using System.Runtime.Versioning;
using Mist.Client.Config;
using Mist.Client.Tests.Support;

namespace Mist.Client.Tests.Config;

public sealed class CredentialStoreTests : IDisposable
{
    private static readonly StoredLogin Alice =
        new("token-a", "alice", "player", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Saved_login_reads_back_for_the_same_server_in_any_spelling()
    {
        var store = new CredentialStore(_folder["config"]);

        await store.SaveAsync("http://Example.org:5080/", Alice, CancellationToken.None);

        (await store.GetAsync("HTTP://example.org:5080", CancellationToken.None)).ShouldBe(Alice);
    }

    [Fact]
    public async Task Token_of_one_server_is_not_given_to_another()
    {
        var store = new CredentialStore(_folder["config"]);
        await store.SaveAsync("http://one:5080", Alice, CancellationToken.None);
        await store.SaveAsync("http://two:5080", Alice with { AccessToken = "b" }, default);

        (await store.GetAsync("http://one:5080", CancellationToken.None))!.AccessToken
            .ShouldBe("token-a");
        (await store.GetAsync("http://three:5080", CancellationToken.None)).ShouldBeNull();
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task File_and_folder_are_readable_by_the_owner_only()
    {
        var store = new CredentialStore(_folder["config"]);

        await store.SaveAsync("http://one:5080", Alice, CancellationToken.None);

        File.GetUnixFileMode(store.FilePath)
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(_folder["config"]).ShouldBe(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.GetFiles(_folder["config"]).ShouldHaveSingleItem().ShouldBe(store.FilePath);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Rewriting_a_file_others_could_read_makes_it_private()
    {
        var store = new CredentialStore(_folder.Folder("config"));
        _folder.Write($"config/{CredentialStore.FileName}", "{}");
        File.SetUnixFileMode(store.FilePath, (UnixFileMode)0b110_100_100);

        await store.SaveAsync("http://one:5080", Alice, CancellationToken.None);

        File.GetUnixFileMode(store.FilePath)
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Remove_forgets_only_that_server()
    {
        var store = new CredentialStore(_folder["config"]);
        await store.SaveAsync("http://one:5080", Alice, CancellationToken.None);
        await store.SaveAsync("http://two:5080", Alice, CancellationToken.None);

        (await store.RemoveAsync("http://one:5080", CancellationToken.None)).ShouldBeTrue();

        (await store.GetAsync("http://one:5080", CancellationToken.None)).ShouldBeNull();
        (await store.GetAsync("http://two:5080", CancellationToken.None)).ShouldNotBeNull();
        (await store.RemoveAsync("http://one:5080", CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Damaged_file_gives_a_message_that_says_what_to_do()
    {
        var store = new CredentialStore(_folder.Folder("config"));
        _folder.Write($"config/{CredentialStore.FileName}", "{ not json");

        var error = await Should.ThrowAsync<ConfigException>(
            () => store.GetAsync("http://one:5080", CancellationToken.None));

        error.Message.ShouldContain(store.FilePath);
        error.Message.ShouldContain("mist login");
    }
}
