using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Checks a manifest before anything is written from it. The serializer already refuses
/// paths with "..", but a manifest from a broken or hostile server could still make a client
/// write through a symbolic link, overwrite Mist's own folder, or assemble a file from chunks
/// that do not add up to it.
/// </summary>
public static class ManifestGuard
{
    public static void EnsureInstallable(VersionManifest manifest)
    {
        var kinds = new Dictionary<string, EntryKind>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            ManifestPath.EnsureValid(entry.Path);
            if (!kinds.TryAdd(entry.Path, entry.Kind))
            {
                throw Invalid(entry, "appears twice");
            }

            if (entry.Path.Split('/')[0] == InstallLayout.MistFolderName)
            {
                throw Invalid(
                    entry, $"lies in '{InstallLayout.MistFolderName}', Mist's own folder");
            }
        }

        var links = manifest.Entries
            .Where(e => e.Kind == EntryKind.Symlink)
            .ToDictionary(e => e.Path, e => e.LinkTarget ?? "", StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            EnsureParentsAreDirectories(entry, kinds);
            switch (entry.Kind)
            {
                case EntryKind.File:
                    EnsureChunksCoverFile(entry);
                    break;
                case EntryKind.Symlink:
                    EnsureLinkStaysInside(entry, links);
                    break;
            }
        }
    }

    private static void EnsureParentsAreDirectories(
        ManifestEntry entry, Dictionary<string, EntryKind> kinds)
    {
        var slash = entry.Path.IndexOf('/');
        for (; slash > 0; slash = entry.Path.IndexOf('/', slash + 1))
        {
            var parent = entry.Path[..slash];
            if (kinds.TryGetValue(parent, out var kind) && kind != EntryKind.Directory)
            {
                throw Invalid(entry, $"lies under '{parent}', which is a {kind}, not a directory");
            }
        }
    }

    private static void EnsureChunksCoverFile(ManifestEntry entry)
    {
        if (!Sha256Hex.IsValid(entry.Sha256))
        {
            throw Invalid(entry, "has no valid SHA-256");
        }

        long offset = 0;
        foreach (var chunk in entry.ChunkList)
        {
            if (chunk.Offset != offset || chunk.Length <= 0 || !Sha256Hex.IsValid(chunk.Sha256))
            {
                throw Invalid(entry, $"has a chunk at {chunk.Offset} that does not follow on");
            }

            offset += chunk.Length;
        }

        if (offset != entry.Size)
        {
            throw Invalid(entry, $"has chunks covering {offset} of its {entry.Size} bytes");
        }
    }

    private static void EnsureLinkStaysInside(
        ManifestEntry link, Dictionary<string, string> links)
    {
        if (string.IsNullOrEmpty(link.LinkTarget))
        {
            throw Invalid(link, "is a symbolic link without a target");
        }

        if (LinkTargets.Resolve(link.Path, links) != LinkResolution.Inside)
        {
            throw Invalid(link, $"points to '{link.LinkTarget}', outside the install");
        }
    }

    private static InvalidDataException Invalid(ManifestEntry entry, string problem) =>
        new($"The manifest entry '{entry.Path}' {problem}.");
}
