using Mist.Delta.Manifests;

namespace Mist.Delta.Trees;

/// <summary>
/// One entry found under a root folder. <see cref="Path"/> is relative with forward slashes
/// (a valid <see cref="ManifestPath"/>); <see cref="FullPath"/> is where it sits on this disk.
/// <see cref="Size"/> is the file length (0 for directories and links); <see cref="LinkTarget"/>
/// is a symbolic link's target exactly as written in the link.
/// </summary>
public sealed record TreeItem(
    string Path,
    EntryKind Kind,
    long Size,
    bool Executable,
    string? LinkTarget,
    string FullPath);
