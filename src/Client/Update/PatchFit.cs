using Mist.Client.Install;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// Checks, before staging, that a patch produces exactly the target manifest the client will
/// record (same paths, kinds, sizes, hashes, bits and links), and that nothing it touches
/// lies below a symbolic link on disk, where a rename would land outside the install.
/// </summary>
internal static class PatchFit
{
    /// <exception cref="VersionPatchException">The patch and the manifest disagree, or a
    /// path lies below a link.</exception>
    public static void EnsureFits(InstallLayout layout, VersionPatch patch, VersionManifest target)
    {
        if (patch.Entries.Count != target.Entries.Count)
        {
            throw Refused(
                $"it lists {patch.Entries.Count} entries, the manifest {target.Entries.Count}");
        }

        var wanted = target.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        foreach (var entry in patch.Entries)
        {
            if (!wanted.TryGetValue(entry.Path, out var expected) || !Same(entry, expected))
            {
                throw Refused($"its entry '{entry.Path}' is not the manifest's");
            }
        }

        foreach (var path in patch.Entries.Select(e => e.Path).Concat(patch.Deleted))
        {
            if (layout.IsUnderLink(path))
            {
                throw Refused($"'{path}' lies below a symbolic link in the install folder");
            }
        }
    }

    private static bool Same(PatchEntry entry, ManifestEntry expected) => entry.Kind switch
    {
        PatchEntryKind.Directory => expected.Kind == EntryKind.Directory,
        PatchEntryKind.Symlink =>
            expected.Kind == EntryKind.Symlink && expected.LinkTarget == entry.LinkTarget,
        _ => expected.Kind == EntryKind.File && expected.Size == entry.Size &&
            expected.Sha256 == entry.Sha256 && expected.Executable == entry.Executable,
    };

    private static VersionPatchException Refused(string why) =>
        new($"The patch does not build the target manifest: {why}.");
}
