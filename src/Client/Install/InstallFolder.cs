namespace Mist.Client.Install;

/// <summary>
/// The install folder's own housekeeping: whether Mist may install there, the lock that keeps
/// two installs apart, and the work folders under <c>DIR/.mist</c>.
/// </summary>
internal static class InstallFolder
{
    public static void EnsureUsable(InstallLayout layout)
    {
        if (File.Exists(layout.Root))
        {
            throw new InstallException($"{layout.Root} is a file, not a folder.");
        }

        if (!layout.CanInstallHere)
        {
            throw new InstallException(
                $"{layout.Root} is not empty and is not a Mist install; choose an empty or new " +
                "folder, or one Mist installed into before.");
        }
    }

    public static FileStream AcquireLock(InstallLayout layout)
    {
        Directory.CreateDirectory(layout.MistDir);
        try
        {
            return new FileStream(
                Path.Combine(layout.MistDir, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None);
        }
        catch (IOException e)
        {
            throw new InstallException(
                $"Another Mist install or update is running in {layout.Root}.", e);
        }
    }

    public static ChunkCache PrepareWorkFolders(InstallLayout layout, string hash)
    {
        Directory.CreateDirectory(layout.StagingDir(hash));
        foreach (var other in Directory.EnumerateDirectories(layout.StagingRoot))
        {
            // Staged files of another target are not this version's files; chunks are
            // content-addressed, so the cache stays whatever the target.
            if (Path.GetFileName(other) != hash)
            {
                Directory.Delete(other, recursive: true);
            }
        }

        if (Directory.Exists(layout.TempDir))
        {
            Directory.Delete(layout.TempDir, recursive: true);
        }

        return new ChunkCache(layout.ChunksDir);
    }

    public static void CleanUp(InstallLayout layout, ChunkCache cache)
    {
        cache.Clear();
        foreach (var dir in new[] { layout.StagingRoot, layout.TempDir })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
