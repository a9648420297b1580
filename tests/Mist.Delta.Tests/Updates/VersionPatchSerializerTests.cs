using System.Text;
using Mist.Delta.Manifests;
using Mist.Delta.Patching;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

public sealed class VersionPatchSerializerTests
{
    private static readonly string HashA = new('a', 64);

    private static readonly string HashB = new('b', 64);

    [Fact]
    public void A_patch_reads_back_as_written()
    {
        var patch = Patch(
            new PatchEntry("bin", PatchEntryKind.Directory),
            new PatchEntry("bin/game", PatchEntryKind.Delta, 10, HashA, true, "game", HashB,
                HashB, 5, DeltaMode.Small),
            new PatchEntry("data/new", PatchEntryKind.Chunks, 10, HashA,
                Chunks: [new ChunkRef(0, 4, HashA), new ChunkRef(4, 6, HashB)]),
            new PatchEntry("link", PatchEntryKind.Symlink, LinkTarget: "bin/game"),
            new PatchEntry("same", PatchEntryKind.Unchanged, 3, HashB));

        var bytes = VersionPatchSerializer.Serialize(patch);
        var read = VersionPatchSerializer.Deserialize(bytes);

        VersionPatchSerializer.Serialize(read).ShouldBe(bytes);
        read.Entries[1].DeltaMode.ShouldBe(DeltaMode.Small);
        read.Entries[2].ChunkList.Count.ShouldBe(2);
        read.Deleted.ShouldBe(["old"]);
        var json = Encoding.UTF8.GetString(bytes);
        json.ShouldContain("\"kind\":\"delta\"");
        json.ShouldNotContain("chunkList");
        json.ShouldNotContain("payloadKeys");

        // Defaults are left out: an unchanged entry is its path, size and hash.
        json.ShouldContain($"{{\"path\":\"same\",\"size\":3,\"sha256\":\"{HashB}\"}}");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("a\\\\b")]
    public void A_path_that_could_leave_the_install_folder_is_refused(string path)
    {
        var json = Encoding.UTF8.GetString(VersionPatchSerializer.Serialize(
            Patch(new PatchEntry("placeholder", PatchEntryKind.Directory))));

        Should.Throw<VersionPatchException>(() => VersionPatchSerializer.Deserialize(
            Encoding.UTF8.GetBytes(json.Replace("placeholder", path))));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("up/../x")]
    public void A_link_that_leads_outside_the_install_is_refused(string target)
    {
        var patch = Patch(
            new PatchEntry("d/link", PatchEntryKind.Symlink, LinkTarget: target),
            new PatchEntry("d/up", PatchEntryKind.Symlink, LinkTarget: ".."));

        Should.Throw<VersionPatchException>(() => VersionPatchSerializer.Serialize(patch))
            .Message.ShouldContain("outside the install");
    }

    [Fact]
    public void An_entry_below_a_link_is_refused()
    {
        var patch = Patch(
            new PatchEntry("lib", PatchEntryKind.Symlink, LinkTarget: "lib64"),
            new PatchEntry("lib/x.so", PatchEntryKind.Unchanged, 1, HashA));

        Should.Throw<VersionPatchException>(() => VersionPatchSerializer.Serialize(patch))
            .Message.ShouldContain("below link 'lib'");
    }

    [Fact]
    public void Chunks_that_do_not_cover_the_file_are_refused()
    {
        var patch = Patch(new PatchEntry("f", PatchEntryKind.Chunks, 11, HashA,
            Chunks: [new ChunkRef(0, 10, HashA)]));

        Should.Throw<VersionPatchException>(() => VersionPatchSerializer.Serialize(patch))
            .Message.ShouldContain("size");
    }

    [Fact]
    public void A_delta_without_a_payload_key_is_refused()
    {
        var patch = Patch(new PatchEntry("f", PatchEntryKind.Delta, 1, HashA, BasePath: "g",
            BaseSha256: HashB, PayloadSize: 1));

        Should.Throw<VersionPatchException>(() => VersionPatchSerializer.Serialize(patch))
            .Message.ShouldContain("payload key");
    }

    [Fact]
    public void Another_format_version_is_refused()
    {
        var json = Encoding.UTF8.GetString(VersionPatchSerializer.Serialize(Patch()))
            .Replace("\"formatVersion\":1", "\"formatVersion\":2");

        Should.Throw<VersionPatchException>(
                () => VersionPatchSerializer.Deserialize(Encoding.UTF8.GetBytes(json)))
            .Message.ShouldContain("format 2");
    }

    private static VersionPatch Patch(params PatchEntry[] entries) =>
        new(VersionPatch.CurrentFormat, HashA, HashB, entries, ["old"]);
}
