using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Tests.Support;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Install;

/// <summary>What the installer decides before it asks the server anything.</summary>
public sealed class InstallerTests : IDisposable
{
    // Nothing listens here; a test that reached the network would fail with another error.
    private static readonly MistApiClient NoServer =
        MistApiClient.Create(new Uri("http://127.0.0.1:9"));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Non_empty_folder_that_is_not_a_mist_install_is_refused()
    {
        _folder.Write("my-documents/thesis.tex", "precious");

        var error = await Should.ThrowAsync<InstallException>(() => new Installer(NoServer)
            .InstallAsync(new InstallRequest("game", _folder.Path), null, default));

        error.Message.ShouldContain("not empty and is not a Mist install");
        File.Exists(_folder["my-documents/thesis.tex"]).ShouldBeTrue();
        Directory.Exists(_folder[InstallLayout.MistFolderName]).ShouldBeFalse();
    }

    [Fact]
    public async Task Folder_holding_another_game_is_refused()
    {
        _folder.Write("source/a.txt", "content");
        var build = TestBuild.FromFolder(_folder["source"]);
        var installed = new InstalledVersion(
            "other-game", "1.0", "main", build.ManifestHash, "http://x/", DateTimeOffset.UnixEpoch);
        await new InstallRecord(new InstallLayout(_folder["install"]))
            .WriteAsync(installed, build.ManifestBytes, CancellationToken.None);

        var error = await Should.ThrowAsync<InstallException>(() => new Installer(NoServer)
            .InstallAsync(new InstallRequest("game", _folder["install"]), null, default));

        error.Message.ShouldContain("holds other-game 1.0");
    }

    [Fact]
    public async Task Path_of_a_file_is_refused()
    {
        var file = _folder.Write("file", "x");

        await Should.ThrowAsync<InstallException>(() => new Installer(NoServer)
            .InstallAsync(new InstallRequest("game", file), null, default));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Folder_can_be_installed_into_when_new_empty_or_already_mist(
        bool exists, bool hasForeignFile, bool expected)
    {
        var root = _folder["install"];
        if (exists)
        {
            Directory.CreateDirectory(root);
        }

        if (hasForeignFile)
        {
            _folder.Write("install/readme.txt", "not ours");
        }

        new InstallLayout(root).CanInstallHere.ShouldBe(expected);

        Directory.CreateDirectory(Path.Combine(root, InstallLayout.MistFolderName));
        new InstallLayout(root).CanInstallHere.ShouldBeTrue();
    }

    [Fact]
    public async Task Kept_manifest_that_no_longer_matches_its_recorded_hash_is_refused()
    {
        _folder.Write("source/a.txt", "content");
        var build = TestBuild.FromFolder(_folder["source"]);
        var layout = new InstallLayout(_folder["install"]);
        var record = new InstallRecord(layout);
        var installed = new InstalledVersion(
            "game", "1.0", "main", build.ManifestHash, "http://x/", DateTimeOffset.UnixEpoch);
        await record.WriteAsync(installed, build.ManifestBytes, CancellationToken.None);
        var (_, kept) = await record.ReadAsync(CancellationToken.None);
        ManifestSerializer.Serialize(kept).ShouldBe(build.ManifestBytes);

        File.AppendAllText(layout.ManifestPath, " ");

        (await Should.ThrowAsync<InstallException>(() => record.ReadAsync(default)))
            .Message.ShouldContain(build.ManifestHash);
    }
}
