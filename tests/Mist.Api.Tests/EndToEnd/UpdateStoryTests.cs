using System.Text;
using Mist.Api.Tests.Support;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Update;
using Mist.Client.Verify;

namespace Mist.Api.Tests.EndToEnd;

/// <summary>
/// The whole story over HTTP with the real client: an admin imports and publishes three
/// versions of a made-up game, the server builds their patch chains, a player installs the
/// oldest and updates to the newest by patches; the tree then equals the newest version's
/// folder byte for byte, and the update cost less than installing the newest afresh.
/// </summary>
public sealed class UpdateStoryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Game = "story";

    private static readonly string[] Labels = ["1.0", "1.1", "1.2"];

    [Fact]
    public async Task Oldest_install_updates_to_the_newest_by_patches_byte_for_byte()
    {
        var admin = new AdminSession(server.CreateClient(await server.TokenForAsync(Roles.Admin)));
        var playerToken = await server.TokenForAsync(Roles.Player);
        var folders = Labels.ToDictionary(l => l, l => Path.Combine(server.ImportRoot, Game, l));
        WriteVersion10(folders["1.0"]);
        WriteVersion11(folders["1.1"]);
        WriteVersion12(folders["1.2"]);

        await admin.Api.AddGameAsync(Game, "Story", default);
        foreach (var label in Labels)
        {
            await admin.ImportAsync(Game, label, folders[label]);
            await admin.PublishAsync(Game, label);
            var chain = await admin.ChainAsync(Game, label);
            chain.TimedOut.ShouldBeFalse();
            chain.Patches.ShouldAllBe(p => p.Status == "completed");
        }

        var player = new MistApiClient(server.CreateClient(playerToken));
        await AdminSession.PublishedAsync(player, Game, "1.2");
        var install = Directory.CreateTempSubdirectory("mist-story-").FullName;
        var fresh = Directory.CreateTempSubdirectory("mist-story-fresh-").FullName;
        try
        {
            await new Installer(player).InstallAsync(
                new InstallRequest(Game, install, "1.0"), null, default);
            var update = await new Updater(player).UpdateAsync(
                new UpdateRequest(install), null, default);
            var freshPlayer = new MistApiClient(server.CreateClient(playerToken));
            await new Installer(freshPlayer).InstallAsync(
                new InstallRequest(Game, fresh, "1.2"), null, default);

            update.ToLabel.ShouldBe("1.2");
            update.Plan.ShouldBe(UpdatePlanKind.PatchChain);
            update.FellBackToChunks.ShouldBeFalse(string.Join("; ", update.Refusals));
            (await TreeComparison.DifferencesAsync(folders["1.2"], install, ".mist"))
                .ShouldBeEmpty();
            (await new TreeVerifier().VerifyInstallAsync(install, null, default))
                .ShouldBeEmpty();
            update.BytesDownloaded.ShouldBeLessThan(freshPlayer.BytesReceived / 2,
                $"the update downloaded {update.BytesDownloaded} bytes, a fresh install " +
                $"{freshPlayer.BytesReceived}");
        }
        finally
        {
            Directory.Delete(install, recursive: true);
            Directory.Delete(fresh, recursive: true);
        }
    }

    // A game binary, a launcher script and a link to it, music, notes, settings.
    private static void WriteVersion10(string root)
    {
        Write(root, "bin/game.bin", GameBinary());
        Write(root, "bin/run.sh", Text("#!/bin/sh\nexec ./game.bin \"$@\"\n"), executable: true);
        Link(root, "launch", "bin/run.sh");
        Write(root, "assets/music.ogg", Noise(2, 600_000));
        Write(root, "docs/changelog-1.0.txt", Text("1.0: first release\n"));
        Write(root, "config/settings.ini", Text("[video]\nwidth=1280\nheight=720\n"));
    }

    // The binary patched in place, the music moved, the notes gone, a level added.
    private static void WriteVersion11(string root)
    {
        var binary = GameBinary();
        Noise(3, 200).CopyTo(binary, 1_000_000);
        Noise(4, 64).CopyTo(binary, binary.Length - 500);
        Write(root, "bin/game.bin", binary);
        Write(root, "bin/run.sh", Text("#!/bin/sh\nexec ./game.bin \"$@\"\n"), executable: true);
        Link(root, "launch", "bin/run.sh");
        Write(root, "assets/audio/music.ogg", Noise(2, 600_000));
        Write(root, "config/settings.ini", Text("[video]\nwidth=1920\nheight=1080\n"));
        Write(root, "levels/level2.dat", Noise(5, 400_000));
    }

    // Code inserted into the binary (everything after it shifts), a new executable that the
    // link now points to, the launcher and the level edited.
    private static void WriteVersion12(string root)
    {
        var binary = GameBinary();
        Noise(3, 200).CopyTo(binary, 1_000_000);
        Noise(4, 64).CopyTo(binary, binary.Length - 500);
        var grown = binary[..2_000_000].Concat(Noise(6, 4096)).Concat(binary[2_000_000..]);
        Write(root, "bin/game.bin", [.. grown]);
        Write(root, "bin/run.sh", Text("#!/bin/sh\ncd \"$(dirname \"$0\")\"\nexec ./game.bin\n"),
            executable: true);
        Write(root, "bin/editor", Noise(7, 200_000), executable: true);
        Link(root, "launch", "bin/editor");
        Write(root, "assets/audio/music.ogg", Noise(2, 600_000));
        Write(root, "config/settings.ini", Text("[video]\nwidth=1920\nheight=1080\n"));
        var level = Noise(5, 400_000);
        Noise(8, 1000).CopyTo(level, 300_000);
        Write(root, "levels/level2.dat", level);
    }

    // Like a real binary, mostly repetitive structure with some noise, so the delta engine has
    // both matches and literals to deal with.
    private static byte[] GameBinary()
    {
        var bytes = Noise(1, 3 * 1024 * 1024 + 123);
        var table = Encoding.ASCII.GetBytes("mov rax, [rbp-8]; call render_frame; ");
        for (var at = 0; at + table.Length < bytes.Length; at += 4 * table.Length)
        {
            table.CopyTo(bytes, at);
        }

        return bytes;
    }

    private static byte[] Noise(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static void Write(string root, string path, byte[] bytes, bool executable = false)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static void Link(string root, string path, string target)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
    }
}
