using System.Text.Json.Serialization;

namespace Mist.Delta.Updates;

/// <summary>
/// Everything a client needs, besides payload and chunk blobs, to turn an installed base
/// version into the target version. Stored as JSON by <see cref="VersionPatchSerializer"/>.
/// </summary>
/// <param name="FormatVersion">Version of this format; <see cref="CurrentFormat"/>.</param>
/// <param name="BaseManifestHash">Hash of the base version's serialized manifest.</param>
/// <param name="TargetManifestHash">Hash of the target version's serialized manifest.</param>
/// <param name="Entries">Every target entry, sorted by path (ordinal).</param>
/// <param name="Deleted">Base paths that the target does not hold with the same kind, sorted
/// by path (ordinal).</param>
public sealed record VersionPatch(
    int FormatVersion,
    string BaseManifestHash,
    string TargetManifestHash,
    IReadOnlyList<PatchEntry> Entries,
    IReadOnlyList<string> Deleted)
{
    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Payload keys the patch names, each once.</summary>
    [JsonIgnore]
    public IEnumerable<string> PayloadKeys => Entries
        .Where(e => e.Kind == PatchEntryKind.Delta && e.PayloadKey is not null)
        .Select(e => e.PayloadKey!)
        .Distinct(StringComparer.Ordinal);
}
