using Mist.Client.Install;
using Mist.Client.Tests.Support;
using Mist.Client.Verify;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Verify;

public sealed class TreeVerifierTests : IDisposable
{
    private readonly TempFolder _tree = new();

    public TreeVerifierTests()
    {
        _tree.Write("game.bin", "0123456789abcdef");
        _tree.Write("data/level1.dat", "level one");
        _tree.Write("data/empty.txt", "");
        _tree.Folder("saves");
        _tree.Write("bin/run.sh", "#!/bin/sh\necho hi\n");
        _tree.MakeExecutable("bin/run.sh");
        if (!OperatingSystem.IsWindows())
        {
            _tree.Link("current", "data/level1.dat");
        }
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task Identical_tree_has_no_differences()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;

        var differences = await VerifyAsync(manifest);

        differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_changed_byte_is_changed_content()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        _tree.Write("game.bin", "0123456789abcdeX");

        var differences = await VerifyAsync(manifest);

        differences.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Path.ShouldBe("game.bin"),
            d => d.Kind.ShouldBe(DifferenceKind.ChangedContent));
    }

    [Fact]
    public async Task Longer_file_is_wrong_size()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        _tree.Write("data/level1.dat", "level one!");

        var differences = await VerifyAsync(manifest);

        differences.ShouldHaveSingleItem()
            .ShouldBe(new TreeDifference(
                "data/level1.dat", DifferenceKind.WrongSize, "9 bytes", "10 bytes"));
    }

    [Fact]
    public async Task Deleted_file_and_directory_are_missing()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        File.Delete(_tree["data/empty.txt"]);
        Directory.Delete(_tree["saves"]);

        var differences = await VerifyAsync(manifest);

        differences.Select(d => (d.Path, d.Kind)).ShouldBe(
        [
            ("data/empty.txt", DifferenceKind.Missing),
            ("saves", DifferenceKind.Missing),
        ]);
    }

    [Fact]
    public async Task New_file_and_folder_are_extra_but_mist_folder_is_ignored()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        _tree.Write("saves/slot1.sav", "progress");
        _tree.Write("mods/x/readme.txt", "mod");
        _tree.Write($"{InstallLayout.MistFolderName}/installed.json", "{}");

        var differences = await VerifyAsync(manifest);

        differences.Select(d => (d.Path, d.Kind)).ShouldBe(
        [
            ("mods", DifferenceKind.Extra),
            ("mods/x", DifferenceKind.Extra),
            ("mods/x/readme.txt", DifferenceKind.Extra),
            ("saves/slot1.sav", DifferenceKind.Extra),
        ]);
    }

    [UnixFact]
    public async Task Lost_or_gained_exec_bit_is_reported_per_file()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        _tree.MakeExecutable("bin/run.sh", false);
        _tree.MakeExecutable("game.bin");

        var differences = await VerifyAsync(manifest);

        differences.ShouldBe(
        [
            new TreeDifference(
                "bin/run.sh", DifferenceKind.WrongExecutable, "executable", "not executable"),
            new TreeDifference(
                "game.bin", DifferenceKind.WrongExecutable, "not executable", "executable"),
        ]);
    }

    [UnixFact]
    public async Task Symlink_with_another_target_is_wrong_link_target()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        File.Delete(_tree["current"]);
        _tree.Link("current", "/etc/passwd");

        var differences = await VerifyAsync(manifest);

        differences.ShouldHaveSingleItem().ShouldBe(new TreeDifference(
            "current", DifferenceKind.WrongLinkTarget, "data/level1.dat", "/etc/passwd"));
    }

    [UnixFact]
    public async Task Symlink_replaced_by_a_copy_of_its_target_is_wrong_kind()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        File.Delete(_tree["current"]);
        _tree.Write("current", "level one");

        var differences = await VerifyAsync(manifest);

        differences.ShouldHaveSingleItem().ShouldBe(new TreeDifference(
            "current", DifferenceKind.WrongKind, "symbolic link", "file"));
    }

    [UnixFact]
    public async Task Directory_replaced_by_a_link_is_not_followed()
    {
        var manifest = TestBuild.FromFolder(_tree.Path).Manifest;
        Directory.Delete(_tree["data"], recursive: true);
        _tree.Link("data", "bin");

        var differences = await VerifyAsync(manifest);

        differences.Select(d => (d.Path, d.Kind)).ShouldBe(
        [
            ("data", DifferenceKind.WrongKind),
            ("data/empty.txt", DifferenceKind.Missing),
            ("data/level1.dat", DifferenceKind.Missing),
        ]);
    }

    private Task<IReadOnlyList<TreeDifference>> VerifyAsync(VersionManifest manifest) =>
        new TreeVerifier().VerifyAsync(_tree.Path, manifest, null, CancellationToken.None);
}
