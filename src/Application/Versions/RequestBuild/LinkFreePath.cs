namespace Mist.Application.Versions.RequestBuild;

/// <summary>
/// The path a folder really has once every symbolic link on the way is followed, like
/// realpath(3): a link inside an import root may lead anywhere on the server.
/// </summary>
internal static class LinkFreePath
{
    // The kernel's own limit on links followed while resolving one path.
    private const int MaxLinks = 40;

    /// <returns>The resolved absolute path, or null for a loop of links.</returns>
    public static string? Resolve(string path)
    {
        var resolved = "/";
        var pending = new Stack<string>(Parts(Path.GetFullPath(path)).Reverse());
        var links = 0;

        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Combine(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The target replaces this part; it is read from the root when absolute.
            if (Path.IsPathRooted(target))
            {
                resolved = "/";
            }

            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return resolved;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
}
