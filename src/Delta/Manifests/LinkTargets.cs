namespace Mist.Delta.Manifests;

/// <summary>
/// Resolves a symbolic link the way the operating system would (relative to the link's
/// folder, through the tree's other links) to tell whether it stays inside the tree. A purely
/// textual check is not enough: "d/up/../x" leaves the tree when "d/up" is itself a link to
/// "..". The server refuses such links when it ingests a build, and the client refuses them
/// in a manifest, so a build can never make a player's machine read or write outside its
/// install folder.
/// </summary>
public static class LinkTargets
{
    // Linux gives up after 40 links (MAXSYMLINKS); a deeper chain is a loop or abuse.
    private const int MaxDepth = 40;

    /// <param name="linkPath">The link's relative path, with forward slashes.</param>
    /// <param name="links">Every link of the tree: relative path to target as written.</param>
    public static LinkResolution Resolve(
        string linkPath,
        IReadOnlyDictionary<string, string> links)
    {
        try
        {
            return Follow(linkPath, links.GetValueOrDefault(linkPath, ""), links, 0) is null
                ? LinkResolution.Outside
                : LinkResolution.Inside;
        }
        catch (InvalidOperationException)
        {
            return LinkResolution.TooDeep;
        }
    }

    /// <returns>The path segments the link leads to, or null when it leaves the tree.</returns>
    private static List<string>? Follow(
        string linkPath, string target, IReadOnlyDictionary<string, string> links, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("Too many links.");
        }

        // Absolute targets leave the tree by definition; backslashes and drive letters mean
        // different things on different clients.
        if (target.Length == 0 || target[0] is '/' or '\\' || target.Contains(':') ||
            target.Contains('\\'))
        {
            return null;
        }

        var segments = linkPath.Split('/').SkipLast(1).ToList();
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
            var soFar = string.Join('/', segments);
            if (links.TryGetValue(soFar, out var inner))
            {
                var resolved = Follow(soFar, inner, links, depth + 1);
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
