using System.Text.Json.Serialization;

namespace Mist.Delta.Manifests;

/// <summary>
/// One entry of a version's tree. <see cref="Path"/> is relative, uses forward slashes and
/// never holds "..". Files carry their size, SHA-256 and chunks; symbolic links their target
/// as written in the link; directories nothing else.
/// </summary>
public sealed record ManifestEntry(
    string Path,
    EntryKind Kind,
    long Size = 0,
    string? Sha256 = null,
    bool Executable = false,
    string? LinkTarget = null,
    IReadOnlyList<ChunkRef>? Chunks = null)
{
    [JsonIgnore]
    public IReadOnlyList<ChunkRef> ChunkList => Chunks ?? [];
}
