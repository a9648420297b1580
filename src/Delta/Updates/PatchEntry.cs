using System.Text.Json.Serialization;
using Mist.Delta.Manifests;
using Mist.Delta.Patching;

namespace Mist.Delta.Updates;

/// <summary>
/// One entry of the target version and how to produce it. Which fields are set depends on
/// <see cref="Kind"/>; docs/version-patch-format.md lists them.
/// </summary>
/// <param name="Path">The target path (a valid <see cref="ManifestPath"/>).</param>
/// <param name="Kind">How the entry is produced.</param>
/// <param name="Size">Target file size in bytes (files only).</param>
/// <param name="Sha256">Target file SHA-256, lower-case hex (files only).</param>
/// <param name="Executable">Whether the target file has its executable bit set.</param>
/// <param name="BasePath">The base file copied (Copy) or patched (Delta).</param>
/// <param name="BaseSha256">SHA-256 the base file must have before a delta applies (Delta).
/// </param>
/// <param name="PayloadKey">SHA-256 of the raw delta bytes, the payload blob's key (Delta).
/// </param>
/// <param name="PayloadSize">Length of the raw delta bytes (Delta).</param>
/// <param name="DeltaMode">The delta engine's mode for this payload (Delta).</param>
/// <param name="Chunks">The target file's chunks in order (Chunks).</param>
/// <param name="LinkTarget">A symbolic link's target as written in the link (Symlink).</param>
public sealed record PatchEntry(
    string Path,
    PatchEntryKind Kind,
    long Size = 0,
    string? Sha256 = null,
    bool Executable = false,
    string? BasePath = null,
    string? BaseSha256 = null,
    string? PayloadKey = null,
    long PayloadSize = 0,
    DeltaMode DeltaMode = DeltaMode.Auto,
    IReadOnlyList<ChunkRef>? Chunks = null,
    string? LinkTarget = null)
{
    /// <summary>The chunk list, empty when none is given.</summary>
    [JsonIgnore]
    public IReadOnlyList<ChunkRef> ChunkList => Chunks ?? [];
}
