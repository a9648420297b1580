using System.Runtime.Versioning;
using System.Security.Cryptography;
using Mist.Client.Reporting;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Writes files from cached chunks into the staging folder. A file reaches its staged path
/// only after its size and SHA-256 were checked (written elsewhere first, then renamed), so a
/// staged file is a finished file and a resumed install skips it.
/// </summary>
internal sealed class FileAssembler(
    InstallLayout layout, string manifestHash, ChunkCache cache, IProgressSink progress)
{
    private const UnixFileMode AnyRead =
        UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Assembles <paramref name="files"/>, which must be every file still to stage. A chunk is
    /// deleted from the cache once all files using it are staged, so the cache shrinks as
    /// staging grows and an install needs about one copy of the download on disk, not two.
    /// </summary>
    /// <returns>How many files could not be assembled as a cached chunk had gone bad.</returns>
    public async Task<int> AssembleAsync(
        IReadOnlyList<ManifestEntry> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.TempDir);
        var total = files.Sum(f => f.Size);
        long done = 0;
        var failed = 0;
        var usesLeft = CountUses(files);
        progress.Report(ProgressPhase.Assembling, 0, total);

        foreach (var file in files)
        {
            if (!await AssembleOneAsync(file, cancellationToken))
            {
                // Its chunks keep their count, so they stay for the next attempt.
                failed++;
                continue;
            }

            ReleaseChunks(file, usesLeft);
            done += file.Size;
            progress.Report(ProgressPhase.Assembling, done, total);
        }

        return failed;
    }

    private static Dictionary<string, int> CountUses(IReadOnlyList<ManifestEntry> files)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in files.SelectMany(f => f.ChunkList))
        {
            uses[chunk.Sha256] = uses.GetValueOrDefault(chunk.Sha256) + 1;
        }

        return uses;
    }

    private void ReleaseChunks(ManifestEntry file, Dictionary<string, int> usesLeft)
    {
        foreach (var chunk in file.ChunkList)
        {
            if (--usesLeft[chunk.Sha256] == 0)
            {
                cache.Remove(chunk.Sha256);
            }
        }
    }

    private async Task<bool> AssembleOneAsync(
        ManifestEntry file, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(layout.TempDir, $"{Guid.NewGuid():N}.part");
        try
        {
            if (!await WriteChunksAsync(file, temporary, cancellationToken))
            {
                return false;
            }

            if (file.Executable && !OperatingSystem.IsWindows())
            {
                MakeExecutable(temporary);
            }

            var staged = layout.InStaging(manifestHash, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
            File.Move(temporary, staged, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<bool> WriteChunksAsync(
        ManifestEntry file, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var output = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
            FileOptions.Asynchronous))
        {
            foreach (var chunk in file.ChunkList)
            {
                var data = await cache.ReadVerifiedAsync(chunk, cancellationToken);
                if (data is null)
                {
                    return false;
                }

                hash.AppendData(data);
                await output.WriteAsync(data, cancellationToken);
            }
        }

        // The chunks were each checked; this catches a manifest whose chunks do not make up
        // the file it claims, which no chunk check can see.
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != file.Sha256)
        {
            throw new InvalidDataException(
                $"'{file.Path}' assembles to SHA-256 {actual}, not {file.Sha256} as the " +
                "manifest says.");
        }

        return true;
    }

    [UnsupportedOSPlatform("windows")]
    private static void MakeExecutable(string path)
    {
        // Execute for whoever may read it, as chmod +x does under the usual umask.
        var mode = File.GetUnixFileMode(path) | UnixFileMode.UserExecute;
        var readers = mode & AnyRead;
        mode |= (UnixFileMode)((int)readers >> 2);
        File.SetUnixFileMode(path, mode);
    }
}
