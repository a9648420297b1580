namespace Mist.Client.Install;

/// <summary>
/// Where an install keeps its own files, all under <c>DIR/.mist</c>: the kept manifest and
/// the record of what is installed, verified chunks of an install in progress, files staged
/// for it, and scratch files.
/// </summary>
public sealed class InstallLayout(string root)
{
    public const string MistFolderName = ".mist";

    public string Root { get; } = Path.GetFullPath(root);

    public string MistDir => Path.Combine(Root, MistFolderName);

    public string InstalledPath => Path.Combine(MistDir, "installed.json");

    public string ManifestPath => Path.Combine(MistDir, "manifest.json");

    public string ChunksDir => Path.Combine(MistDir, "chunks");

    public string StagingRoot => Path.Combine(MistDir, "staging");

    public string TempDir => Path.Combine(MistDir, "tmp");

    /// <summary>Everything of one patch step in progress: its journal, the manifests on
    /// both sides, staged files and what the swap moved aside.</summary>
    public string UpdateDir => Path.Combine(MistDir, "update");

    public string JournalPath => Path.Combine(UpdateDir, "journal.json");

    public string JournalBaseManifestPath => Path.Combine(UpdateDir, "base-manifest.json");

    public string JournalTargetManifestPath => Path.Combine(UpdateDir, "target-manifest.json");

    public string UpdateStagingDir => Path.Combine(UpdateDir, "staging");

    public string BackupDir => Path.Combine(UpdateDir, "aside");

    /// <summary>Staged files of one target manifest, never mixed with another's.</summary>
    public string StagingDir(string manifestHash) => Path.Combine(StagingRoot, manifestHash);

    public string InTree(string manifestPath) => Path.Combine(Root, ToLocal(manifestPath));

    public string InStaging(string manifestHash, string manifestPath) =>
        Path.Combine(StagingDir(manifestHash), ToLocal(manifestPath));

    /// <summary>
    /// True when a folder above the entry is a symbolic link on disk, so that anything done
    /// at the entry's path would happen somewhere else.
    /// </summary>
    public bool IsUnderLink(string manifestPath)
    {
        var parts = manifestPath.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            if (new FileInfo(InTree(string.Join('/', parts[..i]))).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsMistInstall => Directory.Exists(MistDir);

    /// <summary>True when the folder is missing, empty, or already managed by Mist.</summary>
    public bool CanInstallHere =>
        !Directory.Exists(Root) || IsMistInstall ||
        !Directory.EnumerateFileSystemEntries(Root).Any();

    private static string ToLocal(string manifestPath) =>
        manifestPath.Replace('/', Path.DirectorySeparatorChar);
}
