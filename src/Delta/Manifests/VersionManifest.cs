using System.Text.Json.Serialization;

namespace Mist.Delta.Manifests;

/// <summary>
/// Everything a version's tree holds. Entries are sorted by path (ordinal), so the same tree
/// always serialises to the same bytes and so to the same manifest hash.
/// </summary>
public sealed record VersionManifest(int FormatVersion, IReadOnlyList<ManifestEntry> Entries)
{
    public const int CurrentFormat = 1;

    public static VersionManifest Create(IEnumerable<ManifestEntry> entries) =>
        new(CurrentFormat, [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)]);

    [JsonIgnore]
    public long RawBytes => Entries.Where(e => e.Kind == EntryKind.File).Sum(e => e.Size);

    [JsonIgnore]
    public int FileCount => Entries.Count(e => e.Kind == EntryKind.File);
}
