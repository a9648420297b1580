using System.Diagnostics;
using Mist.Client.Install;
using Mist.Client.Tests.Support;

namespace Mist.Client.Tests.Verify;

/// <summary>
/// `mist verify` as a player runs it: the exit code says whether the version's files are
/// intact; entries the version does not have (saves, mods) are listed but do not fail it.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Extra_entries_are_listed_without_failing_the_install()
    {
        var install = await InstallAsync();
        _folder.Write("install/saves/slot1.sav", "progress");

        var (exitCode, output) = await RunVerifyAsync(install);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("saves/slot1.sav");
        output.ShouldContain("Not part of the version: 2 entries");
    }

    [Fact]
    public async Task A_changed_file_fails_and_points_to_repair()
    {
        var install = await InstallAsync();
        _folder.Write("install/bin/game", "tampered");
        _folder.Write("install/notes.txt", "mine");

        var (exitCode, output) = await RunVerifyAsync(install);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("bin/game");
        output.ShouldContain("1 difference");
        output.ShouldContain("mist repair");
        output.ShouldContain("Not part of the version: 1 entry");
    }

    private async Task<string> InstallAsync()
    {
        _folder.Write("source/bin/game", "the game's code");
        _folder.Write("source/data/level.pak", "level data");
        var build = TestBuild.FromFolder(_folder["source"]);
        var install = _folder["install"];
        CopyTree(_folder["source"], install);
        var installed = new InstalledVersion(
            "game", "1.0", "main", build.ManifestHash, "http://127.0.0.1:9/",
            DateTimeOffset.UnixEpoch);
        await new InstallRecord(new InstallLayout(install))
            .WriteAsync(installed, build.ManifestBytes, CancellationToken.None);
        return install;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunVerifyAsync(string install)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mist.dll"));
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(install);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
