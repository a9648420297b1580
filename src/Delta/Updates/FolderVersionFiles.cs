using Mist.Delta.Manifests;

namespace Mist.Delta.Updates;

/// <summary>A version's files as they sit unpacked under <paramref name="root"/>.</summary>
/// <param name="root">The folder that manifest paths are relative to.</param>
public sealed class FolderVersionFiles(string root) : IVersionFiles
{
    /// <inheritdoc/>
    public Stream Open(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ManifestPath.EnsureValid(entry.Path);
        return new FileStream(
            Path.Combine(root, entry.Path), FileMode.Open, FileAccess.Read, FileShare.Read,
            1 << 16, FileOptions.RandomAccess);
    }
}
