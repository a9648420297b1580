using Mist.Delta.Manifests;

namespace Mist.Delta.Trees;

/// <summary>
/// Lists every entry under a root folder: regular files, directories (empty ones too) and
/// symbolic links, which are kept as links and never followed.
/// </summary>
public static class TreeWalker
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseSensitive,
    };

    /// <summary>Walks <paramref name="root"/>; the result is sorted by path (ordinal).</summary>
    /// <exception cref="TreeException">The tree holds something a manifest cannot.</exception>
    public static IReadOnlyList<TreeItem> Walk(string root)
    {
        var rootDir = new DirectoryInfo(Path.GetFullPath(root));
        if (!rootDir.Exists)
        {
            throw new TreeException($"'{root}' is not a directory.");
        }

        var items = new List<TreeItem>();
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>();
        pending.Push((rootDir, ""));
        while (pending.TryPop(out var next))
        {
            foreach (var info in List(next.Dir, next.Prefix))
            {
                var path = RelativePath(next.Prefix, info.Name);
                var item = Describe(info, path);
                items.Add(item);
                if (item.Kind == EntryKind.Directory)
                {
                    pending.Push(((DirectoryInfo)info, path));
                }
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var links = items
            .Where(i => i.Kind == EntryKind.Symlink)
            .ToDictionary(i => i.Path, i => i.LinkTarget ?? "", StringComparer.Ordinal);
        foreach (var (path, target) in links)
        {
            switch (LinkTargets.Resolve(path, links))
            {
                case LinkResolution.Outside:
                    throw new TreeException(
                        $"The symbolic link '{path}' points to '{target}', " +
                        "which is outside the tree.");
                case LinkResolution.TooDeep:
                    throw new TreeException(
                        $"The symbolic link '{path}' is part of a loop or a chain of links " +
                        "deeper than the system follows.");
            }
        }

        return items;
    }

    private static List<FileSystemInfo> List(DirectoryInfo dir, string prefix)
    {
        try
        {
            return [.. dir.EnumerateFileSystemInfos("*", ListOptions)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var shown = prefix.Length == 0 ? "the root folder" : $"'{prefix}'";
            throw new TreeException($"Cannot list {shown}: {e.Message}", e);
        }
    }

    private static string RelativePath(string prefix, string name)
    {
        var path = prefix.Length == 0 ? name : $"{prefix}/{name}";

        // A name that does not decode as UTF-8 comes back with U+FFFD, which would not name
        // the same file again; a backslash is a separator on Windows clients.
        if (name.Contains('\uFFFD') || !ManifestPath.IsValid(path))
        {
            throw new TreeException($"'{path}' cannot be represented as a manifest path.");
        }

        return path;
    }

    private static TreeItem Describe(FileSystemInfo info, string path)
    {
        try
        {
            if (info.LinkTarget is { } target)
            {
                return new TreeItem(path, EntryKind.Symlink, 0, false, target, info.FullName);
            }

            if (info is DirectoryInfo)
            {
                return new TreeItem(path, EntryKind.Directory, 0, false, null, info.FullName);
            }

            if (!UnixFileType.IsRegularFile(info.FullName))
            {
                throw new TreeException(
                    $"'{path}' is not a regular file, directory or symbolic link " +
                    "(a fifo, socket or device cannot be part of a build).");
            }

            var executable =
                !OperatingSystem.IsWindows() && (info.UnixFileMode & AnyExecute) != 0;
            var size = ((FileInfo)info).Length;
            return new TreeItem(path, EntryKind.File, size, executable, null, info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TreeException($"Cannot read '{path}': {e.Message}", e);
        }
    }
}
