using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Resolves a link's target the way the operating system would — relative to the link's
/// folder, through other links of the same manifest — to tell whether it stays inside the
/// install. A purely textual check is not enough: "d/up/../x" leaves the tree when "d/up" is
/// itself a link to "..".
/// </summary>
internal static class LinkTargets
{
    // Linux gives up after 40 links (MAXSYMLINKS); a deeper chain is a loop or abuse.
    private const int MaxDepth = 40;

    public static Dictionary<string, string> Index(VersionManifest manifest) =>
        manifest.Entries
            .Where(e => e.Kind == EntryKind.Symlink)
            .ToDictionary(e => e.Path, e => e.LinkTarget ?? "", StringComparer.Ordinal);

    public static bool StaysInside(ManifestEntry link, Dictionary<string, string> links) =>
        Resolve(link.Path, link.LinkTarget ?? "", links, 0) is not null;

    private static List<string>? Resolve(
        string linkPath, string target, Dictionary<string, string> links, int depth)
    {
        if (depth > MaxDepth || target.Length == 0 || target[0] is '/' or '\\' ||
            target.Contains(':') || target.Contains('\\'))
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
                var resolved = Resolve(soFar, inner, links, depth + 1);
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
