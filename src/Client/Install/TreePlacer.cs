using Mist.Client.Reporting;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Moves a fully staged version into the install folder: removes what the previous version
/// had and this one does not, creates directories, moves files, then creates links last, so
/// no file is ever written through a link. Nothing here follows a symbolic link.
/// </summary>
internal sealed class TreePlacer(InstallLayout layout, string manifestHash, IProgressSink progress)
{
    /// <param name="kept">Files already in place and intact, which are left untouched.</param>
    public void Place(
        VersionManifest target, VersionManifest? previous, IReadOnlySet<string>? kept = null)
    {
        var targetKinds = target.Entries.ToDictionary(
            e => e.Path, e => e.Kind, StringComparer.Ordinal);
        if (previous is not null)
        {
            RemoveStale(previous, targetKinds);
        }

        var total = target.Entries.Count;
        var done = 0;
        progress.Report(ProgressPhase.Placing, 0, total);

        foreach (var entry in target.Entries.Where(e => e.Kind == EntryKind.Directory))
        {
            EnsureDirectory(entry.Path);
            progress.Report(ProgressPhase.Placing, ++done, total);
        }

        foreach (var entry in target.Entries.Where(e => e.Kind == EntryKind.File))
        {
            if (kept?.Contains(entry.Path) != true)
            {
                PlaceFile(entry);
            }

            progress.Report(ProgressPhase.Placing, ++done, total);
        }

        foreach (var entry in target.Entries.Where(e => e.Kind == EntryKind.Symlink))
        {
            PlaceLink(entry);
            progress.Report(ProgressPhase.Placing, ++done, total);
        }
    }

    private void RemoveStale(VersionManifest previous, Dictionary<string, EntryKind> target)
    {
        // Deepest first, so a directory's entries are gone before the directory is looked at.
        var stale = previous.Entries
            .Where(e => !target.TryGetValue(e.Path, out var kind) || kind != e.Kind)
            .OrderByDescending(e => e.Path, StringComparer.Ordinal);
        foreach (var entry in stale)
        {
            var path = layout.InTree(entry.Path);
            var kindChanged = target.ContainsKey(entry.Path);

            // A directory the new version no longer has may hold the player's own files
            // (saves, settings); it goes only when empty, or when a new entry needs its place.
            if (entry.Kind == EntryKind.Directory && !kindChanged && IsNonEmptyDirectory(path))
            {
                continue;
            }

            if (!layout.IsUnderLink(entry.Path))
            {
                Remove(path);
            }
        }
    }

    private void EnsureDirectory(string manifestPath)
    {
        var parts = manifestPath.Split('/');
        for (var i = 1; i <= parts.Length; i++)
        {
            var path = layout.InTree(string.Join('/', parts[..i]));
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is not null || File.Exists(path))
            {
                // A link or file where the version has a directory: never write through it.
                Remove(path);
            }

            Directory.CreateDirectory(path);
        }
    }

    private void PlaceFile(ManifestEntry entry)
    {
        EnsureParent(entry.Path);

        var destination = layout.InTree(entry.Path);
        if (Directory.Exists(destination) || new FileInfo(destination).LinkTarget is not null)
        {
            Remove(destination);
        }

        File.Move(layout.InStaging(manifestHash, entry.Path), destination, overwrite: true);
    }

    private void PlaceLink(ManifestEntry entry)
    {
        EnsureParent(entry.Path);

        var destination = layout.InTree(entry.Path);
        Remove(destination);
        File.CreateSymbolicLink(destination, entry.LinkTarget!);
    }

    private void EnsureParent(string manifestPath)
    {
        var slash = manifestPath.LastIndexOf('/');
        if (slash > 0)
        {
            EnsureDirectory(manifestPath[..slash]);
        }
    }

    private static bool IsNonEmptyDirectory(string path) =>
        Directory.Exists(path) && new FileInfo(path).LinkTarget is null &&
        Directory.EnumerateFileSystemEntries(path).Any();

    /// <summary>Removes whatever is at the path without following it if it is a link.</summary>
    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
