using Mist.Delta.Tests.Trees;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

public sealed class VersionPatchRoundTripTests : IDisposable
{
    private readonly UpdateScenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task A_changed_file_is_rebuilt_from_a_small_delta()
    {
        var old = UpdateScenario.Random(200_000, 1);
        var changed = old.ToArray();
        changed.AsSpan(100_000, 16).Fill(7);
        UpdateScenario.Write(_s.Install, "game.pak", old);
        UpdateScenario.Write(_s.Target, "game.pak", changed);

        var patch = await _s.RoundTripAsync();

        var entry = patch.Entries.Single();
        entry.Kind.ShouldBe(PatchEntryKind.Delta);
        entry.BasePath.ShouldBe("game.pak");
        entry.PayloadSize.ShouldBeLessThan(2_000);
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task A_moved_and_changed_file_is_patched_against_its_old_path()
    {
        var old = UpdateScenario.Random(100_000, 2);
        var changed = old.ToArray();
        changed[50_000] ^= 1;
        UpdateScenario.Write(_s.Install, "old/data.pak", old);
        UpdateScenario.Write(_s.Target, "new/data.pak", changed);

        var patch = await _s.RoundTripAsync();

        var entry = patch.Entries.Single(e => e.Path == "new/data.pak");
        entry.Kind.ShouldBe(PatchEntryKind.Delta);
        entry.BasePath.ShouldBe("old/data.pak");
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task An_unchanged_file_is_left_in_place()
    {
        _s.Both("same.bin", UpdateScenario.Random(10_000, 3));
        UpdateScenario.Write(_s.Install, "other.txt", "a"u8.ToArray());
        UpdateScenario.Write(_s.Target, "other.txt", "b"u8.ToArray());
        var (baseManifest, result) = await _s.BuildAsync();

        var staged = await new VersionPatchApplier(_s.Blobs).StageAsync(
            _s.Install, baseManifest, result.Patch, _s.Staging);
        VersionPatchApplier.Swap(staged);

        result.Patch.Entries.Single(e => e.Path == "same.bin").Kind
            .ShouldBe(PatchEntryKind.Unchanged);
        staged.Operations.ShouldNotContain(o => o.Path == "same.bin");
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task A_renamed_file_is_copied_without_any_download()
    {
        var bytes = UpdateScenario.Random(50_000, 4);
        UpdateScenario.Write(_s.Install, "a/level1.dat", bytes);
        UpdateScenario.Write(_s.Target, "b/level-one.dat", bytes);

        var patch = await _s.RoundTripAsync();

        var entry = patch.Entries.Single(e => e.Path == "b/level-one.dat");
        entry.Kind.ShouldBe(PatchEntryKind.Copy);
        entry.BasePath.ShouldBe("a/level1.dat");
        patch.Deleted.ShouldBe(["a", "a/level1.dat"]);
        _s.Blobs.Put.ShouldBeEmpty();
        _s.Blobs.Fetched.ShouldBeEmpty();
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task A_rename_that_only_changes_letter_case_is_applied()
    {
        var bytes = UpdateScenario.Random(5_000, 5);
        UpdateScenario.Write(_s.Install, "Data/readme.txt", bytes);
        UpdateScenario.Write(_s.Target, "Data/README.txt", bytes);

        var patch = await _s.RoundTripAsync();

        patch.Entries.Single(e => e.Path == "Data/README.txt").Kind
            .ShouldBe(PatchEntryKind.Copy);
        patch.Deleted.ShouldBe(["Data/readme.txt"]);
        Directory.GetFiles(Path.Combine(_s.Install, "Data")).Select(Path.GetFileName)
            .ShouldBe(["README.txt"]);
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task Deleted_files_and_folders_are_removed()
    {
        _s.Both("keep.txt", "keep"u8.ToArray());
        UpdateScenario.Write(_s.Install, "old/a.txt", "a"u8.ToArray());
        UpdateScenario.Write(_s.Install, "old/sub/b.txt", "b"u8.ToArray());
        UpdateScenario.Write(_s.Install, "gone.txt", "gone"u8.ToArray());

        var patch = await _s.RoundTripAsync();

        patch.Deleted.ShouldBe(["gone.txt", "old", "old/a.txt", "old/sub", "old/sub/b.txt"]);
        Directory.Exists(Path.Combine(_s.Install, "old")).ShouldBeFalse();
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task A_new_file_is_assembled_from_downloaded_chunks()
    {
        _s.Both("keep.txt", "keep"u8.ToArray());
        UpdateScenario.Write(_s.Target, "maps/new.map", UpdateScenario.Random(40_000, 6));

        var patch = await _s.RoundTripAsync();

        var entry = patch.Entries.Single(e => e.Path == "maps/new.map");
        entry.Kind.ShouldBe(PatchEntryKind.Chunks);
        entry.ChunkList.Count.ShouldBeGreaterThan(1);
        _s.Blobs.Fetched.Order().ShouldBe(entry.ChunkList.Select(c => c.Sha256).Order());
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task Chunks_the_base_holds_are_read_from_it_not_downloaded()
    {
        var shared = UpdateScenario.Random(60_000, 7);
        UpdateScenario.Write(_s.Install, "a.pak", shared);
        UpdateScenario.Write(_s.Target, "b.pak", [.. shared, .. UpdateScenario.Random(3_000, 8)]);
        var baseChunks = (await UpdateScenario.ManifestAsync(_s.Install)).Entries
            .SelectMany(e => e.ChunkList).Select(c => c.Sha256).ToHashSet();

        // A saving no delta can reach makes every changed file go by chunks.
        var patch = await _s.RoundTripAsync(
            new VersionPatchBuildOptions { MinimumSavingBytes = 1L << 40 });

        var entry = patch.Entries.Single(e => e.Path == "b.pak");
        entry.Kind.ShouldBe(PatchEntryKind.Chunks);
        var lacking = entry.ChunkList.Select(c => c.Sha256).Where(h => !baseChunks.Contains(h));
        lacking.Count().ShouldBeLessThan(entry.ChunkList.Count);
        _s.Blobs.Fetched.Order().ShouldBe(lacking.Distinct().Order());
        _s.ShouldMatchTarget();
    }

    [UnixFact]
    public async Task An_executable_bit_flip_needs_no_download()
    {
        var bytes = UpdateScenario.Random(3_000, 10);
        UpdateScenario.Write(_s.Install, "bin/game", bytes);
        UpdateScenario.Write(_s.Target, "bin/game", bytes, executable: true);

        var patch = await _s.RoundTripAsync();

        var entry = patch.Entries.Single(e => e.Path == "bin/game");
        entry.Kind.ShouldBe(PatchEntryKind.Unchanged);
        entry.Executable.ShouldBeTrue();
        _s.ShouldMatchTarget();
    }

    [UnixFact]
    public async Task A_changed_symlink_points_to_its_new_target()
    {
        _s.Both("a.txt", "a"u8.ToArray());
        _s.Both("b.txt", "b"u8.ToArray());
        File.CreateSymbolicLink(Path.Combine(_s.Install, "current"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(_s.Target, "current"), "b.txt");

        await _s.RoundTripAsync();

        new FileInfo(Path.Combine(_s.Install, "current")).LinkTarget.ShouldBe("b.txt");
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task A_target_shorter_than_its_base_is_rebuilt_exactly()
    {
        var old = UpdateScenario.Random(120_000, 11);
        UpdateScenario.Write(_s.Install, "shrinks.dat", old);
        UpdateScenario.Write(_s.Target, "shrinks.dat", old[..30_000]);

        await _s.RoundTripAsync();

        new FileInfo(Path.Combine(_s.Install, "shrinks.dat")).Length.ShouldBe(30_000);
        _s.ShouldMatchTarget();
    }

    [Fact]
    public async Task Empty_files_are_created_and_emptied()
    {
        UpdateScenario.Write(_s.Install, "emptied.dat", UpdateScenario.Random(5_000, 12));
        UpdateScenario.Write(_s.Target, "emptied.dat", []);
        UpdateScenario.Write(_s.Target, "new-empty.dat", []);

        var patch = await _s.RoundTripAsync();

        patch.Entries.Single(e => e.Path == "emptied.dat").Kind.ShouldBe(PatchEntryKind.Chunks);
        File.ReadAllBytes(Path.Combine(_s.Install, "emptied.dat")).ShouldBeEmpty();
        _s.Blobs.Fetched.ShouldBeEmpty();
        _s.ShouldMatchTarget();
    }
}
