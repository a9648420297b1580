using System.Runtime.Versioning;
using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Client.Tests.Support;
using Mist.Client.Verify;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Install;

/// <summary>
/// The install pipeline after the download: chunks in the cache, files assembled in staging,
/// the tree moved into place and recorded. The download itself needs a server and is
/// covered by the end-to-end tests.
/// </summary>
public sealed class StagingAndPlacementTests : IDisposable
{
    private readonly TempFolder _source = new();
    private readonly TempFolder _target = new();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Placed_version_matches_its_manifest_with_links_modes_and_empty_entries()
    {
        _source.Write("bin/game", "#!/bin/sh\necho playing\n");
        _source.MakeExecutable("bin/game");
        _source.Link("start", "bin/game");
        _source.Write("données/été.txt", "chaleur");
        _source.Write("日本語.txt", "テキスト");
        _source.Write("empty.cfg", "");
        _source.Folder("saves/slots");
        var build = TestBuild.FromFolder(_source.Path);

        await InstallAsync(build);

        var differences = await new TreeVerifier()
            .VerifyInstallAsync(_target.Path, null, CancellationToken.None);
        differences.ShouldBeEmpty();
        File.ReadAllText(_target["données/été.txt"]).ShouldBe("chaleur");
        new FileInfo(_target["start"]).LinkTarget.ShouldBe("bin/game");
        (File.GetUnixFileMode(_target["bin/game"]) & UnixFileMode.UserExecute)
            .ShouldBe(UnixFileMode.UserExecute);
        Directory.Exists(_target["saves/slots"]).ShouldBeTrue();
        Directory.Exists(new InstallLayout(_target.Path).StagingRoot).ShouldBeFalse();
    }

    [UnixFact]
    public async Task Link_found_where_the_version_has_a_folder_is_replaced_not_written_through()
    {
        using var outside = new TempFolder();
        _source.Write("data/level.dat", "level");
        var build = TestBuild.FromFolder(_source.Path);
        Directory.CreateDirectory(new InstallLayout(_target.Path).MistDir);
        _target.Link("data", outside.Path);

        await InstallAsync(build);

        Directory.EnumerateFileSystemEntries(outside.Path).ShouldBeEmpty();
        new DirectoryInfo(_target["data"]).LinkTarget.ShouldBeNull();
        File.ReadAllText(_target["data/level.dat"]).ShouldBe("level");
    }

    [Fact]
    public async Task Resumed_install_only_plans_files_that_were_not_staged()
    {
        _source.Write("a.bin", "first file, long enough for chunks");
        _source.Write("b.bin", "second file");
        var build = TestBuild.FromFolder(_source.Path);
        var (layout, cache, assembler) = await PrepareAsync(build);
        var first = build.Manifest.Entries.Single(e => e.Path == "a.bin");

        (await assembler.AssembleAsync([first], CancellationToken.None)).ShouldBe(0);
        cache.Clear();
        var plan = FetchPlanner.Plan(build.Manifest, IsStaged(layout, build), cache.Contains);

        plan.FilesToAssemble.ShouldHaveSingleItem().Path.ShouldBe("b.bin");
        plan.ChunksToFetch.Sum(c => c.Length).ShouldBe("second file".Length);
    }

    [Fact]
    public async Task Damaged_cached_chunk_fails_only_its_file_and_is_dropped()
    {
        _source.Write("good.bin", "good content");
        _source.Write("bad.bin", "bad  content");
        var build = TestBuild.FromFolder(_source.Path);
        var (layout, cache, assembler) = await PrepareAsync(build);
        var bad = build.Manifest.Entries.Single(e => e.Path == "bad.bin").ChunkList[0];
        File.WriteAllText(cache.PathOf(bad.Sha256), "xxxxx");
        var files = build.Manifest.Entries.Where(e => e.Kind == EntryKind.File).ToList();

        var failed = await assembler.AssembleAsync(files, CancellationToken.None);

        failed.ShouldBe(1);
        cache.Contains(bad.Sha256).ShouldBeFalse();
        File.Exists(layout.InStaging(build.ManifestHash, "good.bin")).ShouldBeTrue();
        File.Exists(layout.InStaging(build.ManifestHash, "bad.bin")).ShouldBeFalse();
    }

    [Fact]
    public async Task Chunks_leave_the_cache_once_every_file_using_them_is_staged()
    {
        _source.Write("one.bin", "shareDONE1");
        _source.Write("two.bin", "shareBROKE");
        var build = TestBuild.FromFolder(_source.Path);
        var (_, cache, assembler) = await PrepareAsync(build);
        var two = build.Manifest.Entries.Single(e => e.Path == "two.bin").ChunkList;
        File.WriteAllText(cache.PathOf(two[1].Sha256), "xxxxx");
        var files = build.Manifest.Entries.Where(e => e.Kind == EntryKind.File).ToList();

        (await assembler.AssembleAsync(files, CancellationToken.None)).ShouldBe(1);

        // "share" is used by both files; two.bin failed, so it stays for the next attempt.
        Directory.GetFiles(cache.Directory).Select(Path.GetFileName)
            .ShouldBe([two[0].Sha256]);
    }

    [Fact]
    public async Task Update_removes_what_the_new_version_dropped_and_keeps_player_files()
    {
        _source.Write("game.bin", "version one");
        _source.Write("old/only-in-one.txt", "gone soon");
        _source.Write("saves/default.sav", "defaults");
        _source.Folder("thing");
        _source.Write("thing/inside.txt", "a directory in one");
        var one = TestBuild.FromFolder(_source.Path);
        await InstallAsync(one);
        _target.Write("saves/slot1.sav", "the player's progress");

        Directory.Delete(_source["old"], recursive: true);
        File.Delete(_source["saves/default.sav"]);
        Directory.Delete(_source["thing"], recursive: true);
        _source.Write("thing", "a file in two");
        _source.Write("game.bin", "version two!");
        var two = TestBuild.FromFolder(_source.Path);
        await InstallAsync(two, previous: one.Manifest);

        var differences = await new TreeVerifier()
            .VerifyInstallAsync(_target.Path, null, CancellationToken.None);
        differences.ShouldHaveSingleItem()
            .ShouldBe(new TreeDifference("saves/slot1.sav", DifferenceKind.Extra, null, "file"));
        File.Exists(_target["saves/default.sav"]).ShouldBeFalse();
        Directory.Exists(_target["old"]).ShouldBeFalse();
        File.ReadAllText(_target["thing"]).ShouldBe("a file in two");
    }

    [Fact]
    public async Task Reuse_takes_matching_chunks_from_installed_files_only()
    {
        _source.Write("keep.bin", "0123456789");
        _source.Write("edit.bin", "abcdefghij");
        var one = TestBuild.FromFolder(_source.Path);
        await InstallAsync(one);
        _target.Write("edit.bin", "abcdeXghij");
        var layout = new InstallLayout(_target.Path);
        var cache = new ChunkCache(layout.ChunksDir);
        var wanted = one.Manifest.Entries.SelectMany(e => e.ChunkList).ToList();

        var reused = await new ChunkReuse(layout, cache, SilentProgress.Instance)
            .SeedAsync(one.Manifest, wanted, CancellationToken.None);

        var edit = one.Manifest.Entries.Single(e => e.Path == "edit.bin").ChunkList;
        reused.ShouldBe(3);
        cache.Contains(edit[0].Sha256).ShouldBeTrue();
        cache.Contains(edit[1].Sha256).ShouldBeFalse();
    }

    [Fact]
    public async Task Update_leaves_intact_unchanged_files_in_place_and_rewrites_the_rest()
    {
        _source.Write("same.bin", "unchanged content");
        _source.Write("damaged.bin", "will be damaged");
        _source.Write("edited.bin", "version one");
        var one = TestBuild.FromFolder(_source.Path);
        await InstallAsync(one);
        _target.Write("damaged.bin", "will be DAMAGED");
        var sameBefore = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_target["same.bin"], sameBefore);
        _source.Write("edited.bin", "version two");
        var two = TestBuild.FromFolder(_source.Path);
        var layout = new InstallLayout(_target.Path);

        var kept = await new FilesInPlace(layout, SilentProgress.Instance)
            .FindAsync(two.Manifest, CancellationToken.None);
        await InstallAsync(two, one.Manifest, kept);

        kept.ShouldBe(["same.bin"]);
        File.GetLastWriteTimeUtc(_target["same.bin"]).ShouldBe(sameBefore);
        (await new TreeVerifier().VerifyInstallAsync(_target.Path, null, default))
            .ShouldBeEmpty();
    }

    [UnixFact]
    public async Task File_already_as_the_target_wants_it_is_kept_whatever_came_before()
    {
        _source.Write("moved.bin", "version one");
        _source.Write("run.sh", "#!/bin/sh");
        _source.MakeExecutable("run.sh");
        var one = TestBuild.FromFolder(_source.Path);
        await InstallAsync(one);
        _source.Write("moved.bin", "version two");
        var two = TestBuild.FromFolder(_source.Path);

        // As if an interrupted update had moved this file into place already.
        _target.Write("moved.bin", "version two");
        _target.MakeExecutable("run.sh", false);
        var kept = await new FilesInPlace(new InstallLayout(_target.Path), SilentProgress.Instance)
            .FindAsync(two.Manifest, CancellationToken.None);

        kept.ShouldBe(["moved.bin"]);
    }

    private async Task InstallAsync(
        TestBuild build, VersionManifest? previous = null, HashSet<string>? kept = null)
    {
        kept ??= [];
        var (layout, cache, assembler) = await PrepareAsync(build);
        var files = build.Manifest.Entries
            .Where(e => e.Kind == EntryKind.File && !kept.Contains(e.Path))
            .ToList();
        (await assembler.AssembleAsync(files, CancellationToken.None)).ShouldBe(0);

        new TreePlacer(layout, build.ManifestHash, SilentProgress.Instance)
            .Place(build.Manifest, previous, kept);
        var installed = new InstalledVersion(
            "game", "1", "main", build.ManifestHash, "http://test/", DateTimeOffset.UnixEpoch);
        await new InstallRecord(layout).WriteAsync(installed, build.ManifestBytes, default);

        cache.Clear();
        Directory.Delete(layout.StagingRoot, recursive: true);
    }

    private async Task<(InstallLayout, ChunkCache, FileAssembler)> PrepareAsync(TestBuild build)
    {
        var layout = new InstallLayout(_target.Path);
        var cache = new ChunkCache(layout.ChunksDir);
        foreach (var (sha, data) in build.Chunks)
        {
            await cache.StoreAsync(sha, data, CancellationToken.None);
        }

        var assembler = new FileAssembler(
            layout, build.ManifestHash, cache, SilentProgress.Instance);
        return (layout, cache, assembler);
    }

    private static Func<ManifestEntry, bool> IsStaged(InstallLayout layout, TestBuild build) =>
        e => File.Exists(layout.InStaging(build.ManifestHash, e.Path));
}
