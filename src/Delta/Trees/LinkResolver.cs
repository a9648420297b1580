namespace Mist.Delta.Trees;

/// <summary>
/// Checks that a symbolic link, resolved the way the operating system would (relative to the
/// link's folder, through any links inside the tree), stays inside the tree. A client
/// recreates the links as written, so a link that leaves the tree would let a build read or
/// overwrite a player's other files.
/// </summary>
internal static class LinkResolver
{
    // Same bound as Linux's MAXSYMLINKS: deeper chains are loops or abuse.
    private const int MaxDepth = 40;

    public static void EnsureInside(TreeItem link, IReadOnlyDictionary<string, TreeItem> links)
    {
        if (Resolve(link, links, 0) is null)
        {
            throw new TreeException(
                $"The symbolic link '{link.Path}' points to '{link.LinkTarget}', " +
                "which is outside the tree.");
        }
    }

    /// <returns>The path segments the link leads to, or null when it leaves the tree.</returns>
    private static List<string>? Resolve(
        TreeItem link, IReadOnlyDictionary<string, TreeItem> links, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TreeException(
                $"The symbolic link '{link.Path}' is part of a loop or a chain over " +
                $"{MaxDepth} links deep.");
        }

        var target = link.LinkTarget ?? "";
        if (target.Length == 0 || target[0] is '/' or '\\' || target.Contains(':') ||
            target.Contains('\\'))
        {
            // Absolute targets leave the install folder by definition; backslashes and drive
            // letters mean different things on different clients.
            return null;
        }

        var segments = link.Path.Split('/').SkipLast(1).ToList();
        foreach (var part in target.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
            if (links.TryGetValue(string.Join('/', segments), out var inner))
            {
                var resolved = Resolve(inner, links, depth + 1);
                if (resolved is null)
                {
                    return null;
                }

                segments = resolved;
            }
        }

        return segments;
    }
}
