using System.Text;
using Mist.Api.Tests.Support;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Verify;

namespace Mist.Api.Tests.EndToEnd;

/// <summary>
/// The whole first path, every layer real: an admin imports versions from server folders and
/// publishes them; a player installs each with the client into an empty folder; the
/// installed tree equals the source byte for byte.
/// </summary>
public sealed class ImportPublishInstallTests(EndToEndFixture server)
    : IClassFixture<EndToEndFixture>
{
    private const string Game = "runtime";

    [Fact]
    public async Task Imported_versions_install_byte_for_byte()
    {
        var admin = new MistApiClient(server.CreateClient(await server.TokenForAsync(Roles.Admin)));
        var player = new MistApiClient(
            server.CreateClient(await server.TokenForAsync(Roles.Player)));
        var sources = new Dictionary<string, string>
        {
            ["10.0.14"] = SampleBuilds.PathOf("10.0.14"),
            ["10.0.15"] = SampleBuilds.PathOf("10.0.15"),
            ["made-up"] = MakeUpVersion(Path.Combine(server.ImportRoot, "made-up")),
        };

        await admin.AddGameAsync(Game, "Sample runtime", default);
        foreach (var (label, path) in sources)
        {
            await admin.ImportBuildAsync(Game, label, path, default);
        }

        foreach (var label in sources.Keys)
        {
            var build = await WaitForBuildAsync(admin, label);
            build.Status.ShouldBe("ingested", build.Error);
            await admin.PublishAsync(Game, label, "main", default);
        }

        foreach (var (label, source) in sources)
        {
            var target = Directory.CreateTempSubdirectory("mist-install-").FullName;
            try
            {
                var installed = await InstallAsync(player, label, target);

                installed.Label.ShouldBe(label);
                (await TreeComparison.DifferencesAsync(source, target, ".mist")).ShouldBeEmpty();
                (await new TreeVerifier().VerifyInstallAsync(target, null, default))
                    .ShouldBeEmpty();
            }
            finally
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    private static async Task<InstallResult> InstallAsync(
        MistApiClient player, string label, string target)
    {
        // A view of a published version settles once the catalog projection has caught up.
        await Eventually.GetAsync(
            async () => await TryGetVersionAsync(player, label),
            v => v.Status == "published",
            what: $"{label} to show as published");
        return await new Installer(player).InstallAsync(
            new InstallRequest(Game, target, label), null, default);
    }

    private static async Task<VersionSummary?> TryGetVersionAsync(MistApiClient api, string label)
    {
        try
        {
            return await api.GetVersionAsync(Game, label, default);
        }
        catch (MistApiException)
        {
            return null;
        }
    }

    private static Task<BuildProgress> WaitForBuildAsync(MistApiClient admin, string label) =>
        Eventually.GetAsync(
            async () =>
            {
                try
                {
                    return await admin.GetBuildAsync(Game, label, default);
                }
                catch (MistApiException)
                {
                    return null;
                }
            },
            b => b.Status is "ingested" or "failed" or "published",
            TimeSpan.FromMinutes(3),
            $"the build of {label}");

    /// <summary>
    /// A small version with what trips installers up: an executable, an empty file, a
    /// non-ASCII name, a symbolic link, an empty folder and a nested one.
    /// </summary>
    private static string MakeUpVersion(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        Directory.CreateDirectory(Path.Combine(root, "saves", "empty"));

        var launcher = Path.Combine(root, "bin", "launch.sh");
        File.WriteAllText(launcher, "#!/bin/sh\necho launching\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(launcher, File.GetUnixFileMode(launcher)
                | UnixFileMode.UserExecute | UnixFileMode.GroupExecute
                | UnixFileMode.OtherExecute);
        }

        File.WriteAllBytes(Path.Combine(root, "empty.dat"), []);
        File.WriteAllText(
            Path.Combine(root, "Übersicht – ゲーム.txt"), "ünïcödé", Encoding.UTF8);
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(Path.Combine(root, "bin", "data.pak"), data);
        File.CreateSymbolicLink(Path.Combine(root, "launch"), "bin/launch.sh");
        return root;
    }
}
