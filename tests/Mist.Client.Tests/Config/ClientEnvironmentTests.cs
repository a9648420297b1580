using Mist.Client.Config;
using Mist.Client.Tests.Support;

namespace Mist.Client.Tests.Config;

public sealed class ClientEnvironmentTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _variables = [];

    public ClientEnvironmentTests() => _variables["MIST_CONFIG_DIR"] = _folder["config"];

    public void Dispose() => _folder.Dispose();

    private ClientEnvironment Environment => new(name => _variables.GetValueOrDefault(name));

    [Fact]
    public void Server_defaults_to_the_local_port()
    {
        Environment.ResolveServer(null).ShouldBe(new Uri("http://127.0.0.1:5080"));
    }

    [Fact]
    public void Server_option_wins_over_the_environment()
    {
        _variables["MIST_SERVER"] = "http://from-env:1";

        Environment.ResolveServer(null).ShouldBe(new Uri("http://from-env:1"));
        Environment.ResolveServer("https://from-option").ShouldBe(new Uri("https://from-option"));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    [InlineData("/relative")]
    public void Server_that_is_not_an_http_url_is_refused(string server)
    {
        Should.Throw<ConfigException>(() => Environment.ResolveServer(server))
            .Message.ShouldContain(server);
    }

    [Fact]
    public void Config_directory_comes_from_mist_config_dir()
    {
        Environment.ResolveConfigDirectory().ShouldBe(_folder["config"]);
        Environment.OpenCredentials().FilePath
            .ShouldBe(Path.Combine(_folder["config"], CredentialStore.FileName));
    }

    [Fact]
    public async Task Saved_token_is_used_for_its_server_and_mist_token_overrides_it()
    {
        var server = new Uri("http://host:5080");
        var login = new StoredLogin("saved", "alice", "player", DateTimeOffset.UnixEpoch);
        await Environment.OpenCredentials().SaveAsync(server.AbsoluteUri, login, default);

        (await Environment.ResolveTokenAsync(server, CancellationToken.None)).ShouldBe("saved");
        (await Environment.ResolveTokenAsync(new Uri("http://other"), default)).ShouldBeNull();

        _variables["MIST_TOKEN"] = "from-env";
        (await Environment.ResolveTokenAsync(server, CancellationToken.None)).ShouldBe("from-env");
    }

    [Fact]
    public void Password_is_taken_exactly_as_set()
    {
        Environment.Password.ShouldBeNull();

        _variables["MIST_PASSWORD"] = " spaced secret ";

        Environment.Password.ShouldBe(" spaced secret ");
    }
}
