namespace Mist.Domain.Common;

/// <summary>
/// Stream keys built from natural keys, so that the store itself refuses a duplicate game
/// slug or version label.
/// </summary>
public static class StreamKeys
{
    public static string Game(string slug) => $"game:{slug}";

    public static string Version(string slug, string label) => $"version:{slug}:{label}";

    public static string Patch(string slug, string fromLabel, string toLabel) =>
        $"patch:{slug}:{fromLabel}:{toLabel}";
}
