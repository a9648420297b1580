using Mist.Client.Install;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Install;

public sealed class ManifestGuardTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void Ordinary_tree_is_installable()
    {
        var manifest = VersionManifest.Create(
        [
            new ManifestEntry("bin", EntryKind.Directory),
            FileOf("bin/game", "hello"),
            new ManifestEntry("bin/latest", EntryKind.Symlink, LinkTarget: "game"),
            new ManifestEntry("lib", EntryKind.Symlink, LinkTarget: "bin/../bin"),
            new ManifestEntry("empty", EntryKind.File, 0, Sha256Hex.Of([])),
        ]);

        Should.NotThrow(() => ManifestGuard.EnsureInstallable(manifest));
    }

    [Fact]
    public void Entry_under_a_symlink_is_refused()
    {
        var manifest = VersionManifest.Create(
        [
            new ManifestEntry("home", EntryKind.Symlink, LinkTarget: "data"),
            FileOf("home/.bashrc", "evil"),
        ]);

        Should.Throw<InvalidDataException>(() => ManifestGuard.EnsureInstallable(manifest))
            .Message.ShouldContain("home/.bashrc");
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    public void Link_leading_outside_the_install_is_refused(string target)
    {
        var manifest = VersionManifest.Create(
        [
            new ManifestEntry("link", EntryKind.Symlink, LinkTarget: target),
        ]);

        Should.Throw<InvalidDataException>(() => ManifestGuard.EnsureInstallable(manifest))
            .Message.ShouldContain("outside");
    }

    [Fact]
    public void Link_leaving_through_another_link_is_refused_though_its_text_stays_inside()
    {
        // "d/up/../x" reads as "d/x", but d/up is the root, so the OS resolves it to "../x".
        var inside = VersionManifest.Create(
        [
            new ManifestEntry("d", EntryKind.Directory),
            new ManifestEntry("d/up", EntryKind.Symlink, LinkTarget: ".."),
        ]);
        var escaping = VersionManifest.Create(
        [
            .. inside.Entries,
            new ManifestEntry("link", EntryKind.Symlink, LinkTarget: "d/up/../x"),
        ]);

        Should.NotThrow(() => ManifestGuard.EnsureInstallable(inside));
        Should.Throw<InvalidDataException>(() => ManifestGuard.EnsureInstallable(escaping))
            .Message.ShouldContain("'link'");
    }

    [Fact]
    public void Links_pointing_at_each_other_are_refused()
    {
        var manifest = VersionManifest.Create(
        [
            new ManifestEntry("a", EntryKind.Symlink, LinkTarget: "b/x"),
            new ManifestEntry("b", EntryKind.Symlink, LinkTarget: "a/y"),
        ]);

        Should.Throw<InvalidDataException>(() => ManifestGuard.EnsureInstallable(manifest));
    }

    [Fact]
    public void Entry_inside_mists_own_folder_is_refused()
    {
        var manifest = VersionManifest.Create([FileOf(".mist/installed.json", "{}")]);

        Should.Throw<InvalidDataException>(() => ManifestGuard.EnsureInstallable(manifest));
    }

    [Fact]
    public void Chunks_that_do_not_cover_the_file_are_refused()
    {
        ChunkRef[] gap = [new ChunkRef(0, 4, Hash), new ChunkRef(5, 5, Hash)];
        var file = new ManifestEntry("f", EntryKind.File, 10, Hash, Chunks: gap);

        Should.Throw<InvalidDataException>(
            () => ManifestGuard.EnsureInstallable(VersionManifest.Create([file])));
    }

    private static ManifestEntry FileOf(string path, string text)
    {
        var data = System.Text.Encoding.UTF8.GetBytes(text);
        var sha = Sha256Hex.Of(data);
        return new ManifestEntry(
            path, EntryKind.File, data.Length, sha, Chunks: [new ChunkRef(0, data.Length, sha)]);
    }
}
