using System.Diagnostics;
using System.Runtime.Versioning;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;

namespace Mist.Delta.Tests.Trees;

public sealed class TreeWalkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mist-tree-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Lists_files_and_all_directories_sorted_by_ordinal_path()
    {
        Write("b.txt", "bb");
        Write("a/Z.bin", "zzz");
        Write("a/y/deep.dat", "d");
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var items = TreeWalker.Walk(_root);

        items.Select(i => i.Path).ShouldBe(
            ["a", "a/Z.bin", "a/y", "a/y/deep.dat", "b.txt", "empty"]);
        items.Single(i => i.Path == "a/Z.bin").Size.ShouldBe(3);
        items.Single(i => i.Path == "empty").Kind.ShouldBe(EntryKind.Directory);
        items.Single(i => i.Path == "b.txt").FullPath.ShouldBe(Path.Combine(_root, "b.txt"));
        items.ShouldAllBe(i => ManifestPath.IsValid(i.Path));
    }

    [Fact]
    public void Empty_root_gives_no_items()
    {
        TreeWalker.Walk(_root).ShouldBeEmpty();
    }

    [Fact]
    public void Missing_root_is_refused()
    {
        Should.Throw<TreeException>(() => TreeWalker.Walk(Path.Combine(_root, "nope")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Executable_bit_is_read_from_any_execute_permission()
    {
        Write("run.sh", "#!/bin/sh");
        Write("data.txt", "x");
        File.SetUnixFileMode(Path.Combine(_root, "run.sh"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherExecute);

        var items = TreeWalker.Walk(_root);

        items.Single(i => i.Path == "run.sh").Executable.ShouldBeTrue();
        items.Single(i => i.Path == "data.txt").Executable.ShouldBeFalse();
    }

    [UnixFact]
    public void Symlinks_are_kept_as_links_with_their_target_as_written()
    {
        Write("lib/libreal.so.1", "elf");
        File.CreateSymbolicLink(Path.Combine(_root, "lib/libreal.so"), "libreal.so.1");
        Directory.CreateSymbolicLink(Path.Combine(_root, "libs"), "./lib");

        var items = TreeWalker.Walk(_root);

        var fileLink = items.Single(i => i.Path == "lib/libreal.so");
        fileLink.Kind.ShouldBe(EntryKind.Symlink);
        fileLink.LinkTarget.ShouldBe("libreal.so.1");
        var dirLink = items.Single(i => i.Path == "libs");
        dirLink.Kind.ShouldBe(EntryKind.Symlink);
        dirLink.LinkTarget.ShouldBe("./lib");
        items.ShouldNotContain(i => i.Path.StartsWith("libs/"));
    }

    [UnixFact]
    public void Dangling_link_inside_the_tree_is_kept()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "later"), "not-yet/there");

        TreeWalker.Walk(_root).Single().LinkTarget.ShouldBe("not-yet/there");
    }

    [UnixTheory]
    [InlineData("sub/escape", "../../outside")]
    [InlineData("abs", "/etc/passwd")]
    [InlineData("sub/sneaky", "../sub/../..")]
    public void Link_leading_outside_the_tree_is_refused_naming_its_path(
        string link, string target)
    {
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.CreateSymbolicLink(Path.Combine(_root, link), target);

        var error = Should.Throw<TreeException>(() => TreeWalker.Walk(_root));

        error.Message.ShouldContain($"'{link}'");
    }

    [UnixFact]
    public void Link_escaping_through_another_link_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "a"));
        // "here" is the folder a itself, so "here/../.." climbs above the root even though the
        // text alone looks like it stays at the root.
        Directory.CreateSymbolicLink(Path.Combine(_root, "a/here"), ".");
        File.CreateSymbolicLink(Path.Combine(_root, "a/out"), "here/../../x");

        var error = Should.Throw<TreeException>(() => TreeWalker.Walk(_root));

        error.Message.ShouldContain("'a/out'");
    }

    [UnixFact]
    public void Link_loop_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "x"), "y");
        File.CreateSymbolicLink(Path.Combine(_root, "y"), "x");

        Should.Throw<TreeException>(() => TreeWalker.Walk(_root)).Message.ShouldContain("loop");
    }

    [UnixFact(linuxOnly: true)]
    public void Fifo_is_refused()
    {
        var fifo = Path.Combine(_root, "pipe");
        Process.Start("mkfifo", fifo)!.WaitForExit();
        File.Exists(fifo).ShouldBeTrue();

        var error = Should.Throw<TreeException>(() => TreeWalker.Walk(_root));

        error.Message.ShouldContain("'pipe'");
    }

    [UnixFact]
    public void Name_with_a_backslash_is_refused()
    {
        Write("bad\\name", "x");

        Should.Throw<TreeException>(() => TreeWalker.Walk(_root));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
