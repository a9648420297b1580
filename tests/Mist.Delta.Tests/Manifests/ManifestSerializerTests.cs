using System.Text;
using Mist.Delta.Manifests;

namespace Mist.Delta.Tests.Manifests;

public sealed class ManifestSerializerTests
{
    private static readonly string Hash = new('a', 64);

    private static readonly VersionManifest Sample = VersionManifest.Create(
    [
        new ManifestEntry("bin/game", EntryKind.File, 10, Hash, Executable: true,
            Chunks: [new ChunkRef(0, 6, Hash), new ChunkRef(6, 4, new string('b', 64))]),
        new ManifestEntry("bin", EntryKind.Directory),
        new ManifestEntry("bin/game.so", EntryKind.Symlink, LinkTarget: "game"),
    ]);

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var copy = ManifestSerializer.Deserialize(ManifestSerializer.Serialize(Sample));

        copy.FormatVersion.ShouldBe(VersionManifest.CurrentFormat);
        copy.Entries.Count.ShouldBe(3);
        var file = copy.Entries.Single(e => e.Path == "bin/game");
        file.ShouldBe(Sample.Entries.Single(e => e.Path == "bin/game") with
        {
            Chunks = file.Chunks,
        });
        file.ChunkList.ShouldBe(Sample.Entries.Single(e => e.Path == "bin/game").ChunkList);
        copy.Entries.Single(e => e.Kind == EntryKind.Symlink).LinkTarget.ShouldBe("game");
    }

    [Fact]
    public void Entries_are_sorted_so_equal_trees_hash_equal()
    {
        var reversed = VersionManifest.Create(Sample.Entries.Reverse());

        Sample.Entries.Select(e => e.Path).ShouldBe(["bin", "bin/game", "bin/game.so"]);
        ManifestSerializer.Hash(ManifestSerializer.Serialize(reversed))
            .ShouldBe(ManifestSerializer.Hash(ManifestSerializer.Serialize(Sample)));
    }

    [Fact]
    public void Json_uses_camel_case_and_string_kinds_and_leaves_out_nulls()
    {
        var json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(Sample));

        json.ShouldContain("\"kind\":\"symlink\"");
        json.ShouldContain("\"linkTarget\":\"game\"");
        json.ShouldNotContain("null");
    }

    [Fact]
    public void Path_escaping_the_install_folder_is_refused_on_read()
    {
        var json = """{"formatVersion":1,"entries":[{"path":"../evil","kind":"file"}]}""";

        Should.Throw<InvalidDataException>(
            () => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"formatVersion":2,"entries":[]}""")]
    [InlineData("""{"formatVersion":1}""")]
    [InlineData("""not json""")]
    public void Unreadable_manifest_is_refused(string json)
    {
        Should.Throw<InvalidDataException>(
            () => ManifestSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Counts_files_and_raw_bytes()
    {
        Sample.FileCount.ShouldBe(1);
        Sample.RawBytes.ShouldBe(10);
    }

    [Fact]
    public void Stored_form_holds_no_derived_values()
    {
        var json = Encoding.UTF8.GetString(ManifestSerializer.Serialize(Sample));

        json.ShouldNotContain("chunkList");
        json.ShouldNotContain("rawBytes");
        json.ShouldNotContain("fileCount");
    }
}
