using Mist.Delta.Hashing;
using Mist.Delta.Manifests;
using Mist.Delta.Patching;

namespace Mist.Delta.Updates;

/// <summary>
/// Applies a version patch to an installed folder (client side) in two phases. Staging checks
/// the base manifest and every base file it reads, writes each changed or new file into a
/// staging folder and verifies its SHA-256; it changes nothing installed, so any failure leaves
/// the installed version intact. Swapping then moves the verified files into place, one atomic
/// rename each, so every installed file is always either the base's or the target's.
/// </summary>
/// <remarks>The staging folder should be on the same volume as the installed folder, so the
/// moves are renames rather than copies.</remarks>
/// <param name="fetcher">Gets payloads and chunks the base does not hold.</param>
public sealed class VersionPatchApplier(IBlobFetcher fetcher)
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Stages <paramref name="patch"/> and swaps it into
    /// <paramref name="installRoot"/>.</summary>
    /// <exception cref="VersionPatchException">The patch does not fit what is installed, or a
    /// payload, chunk or result is corrupt; nothing installed was changed.</exception>
    public async Task ApplyAsync(
        string installRoot,
        VersionManifest baseManifest,
        VersionPatch patch,
        string stagingRoot,
        CancellationToken cancellationToken = default)
    {
        var staged = await StageAsync(
            installRoot, baseManifest, patch, stagingRoot, cancellationToken);
        Swap(staged);
    }

    /// <summary>
    /// Writes every file <paramref name="patch"/> changes or adds into
    /// <paramref name="stagingRoot"/>, verified, and returns the swap still to run. Installed
    /// files are only read.
    /// </summary>
    /// <param name="installRoot">The folder holding the installed base version.</param>
    /// <param name="baseManifest">The installed version's manifest; its hash must be the one
    /// the patch was made for.</param>
    /// <param name="patch">The patch.</param>
    /// <param name="stagingRoot">A folder for staged files, created if missing.</param>
    /// <param name="cancellationToken">Stops staging; staged files are then removed.</param>
    /// <exception cref="VersionPatchException">The patch does not fit what is installed, or a
    /// payload, chunk or result is corrupt.</exception>
    public async Task<StagedUpdate> StageAsync(
        string installRoot,
        VersionManifest baseManifest,
        VersionPatch patch,
        string stagingRoot,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseManifest);
        VersionPatchSerializer.Validate(patch);
        var baseHash = ManifestSerializer.Hash(ManifestSerializer.Serialize(baseManifest));
        if (baseHash != patch.BaseManifestHash)
        {
            throw new VersionPatchException(
                $"The patch is for base manifest {patch.BaseManifestHash}; " +
                $"{baseHash} is installed.");
        }

        installRoot = Path.GetFullPath(installRoot);
        stagingRoot = Path.GetFullPath(stagingRoot);
        var index = new BaseIndex(baseManifest);
        var sources = await VerifyBaseAsync(installRoot, patch, index, cancellationToken);
        Directory.CreateDirectory(stagingRoot);
        var staged = new Dictionary<string, string>(StringComparer.Ordinal);
        var jobs = patch.Entries
            .Select((entry, i) => (Entry: entry, Staged: Path.Combine(stagingRoot, $"{i}.staged")))
            .Where(j => j.Entry.Kind is PatchEntryKind.Copy or PatchEntryKind.Delta
                or PatchEntryKind.Chunks)
            .ToList();
        try
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(jobs, parallel, async (job, token) =>
                await StageFileAsync(installRoot, job.Entry, job.Staged, sources, token));
        }
        catch
        {
            foreach (var job in jobs)
            {
                File.Delete(job.Staged);
            }

            throw;
        }

        foreach (var job in jobs)
        {
            staged[job.Entry.Path] = job.Staged;
        }

        return new StagedUpdate(installRoot, stagingRoot, PlanSwap(patch, index, staged));
    }

    /// <summary>Runs a staged update's operations in order.</summary>
    /// <exception cref="IOException">The file system refused a step; the files already moved
    /// are the target's, the rest still the base's.</exception>
    public static void Swap(StagedUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var op in update.Operations)
        {
            ManifestPath.EnsureValid(op.Path);
            var path = Path.Combine(update.InstallRoot, op.Path);
            switch (op.Action)
            {
                case SwapAction.DeleteFile:
                    DeleteFileOrLink(path);
                    break;
                case SwapAction.DeleteDirectory:
                    DeleteDirectoryIfEmpty(path);
                    break;
                case SwapAction.CreateDirectory:
                    Directory.CreateDirectory(path);
                    break;
                case SwapAction.MoveIn:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.Move(op.StagedPath!, path, overwrite: true);
                    break;
                case SwapAction.SetExecutable:
                    SetExecutable(path, op.Executable);
                    break;
                case SwapAction.CreateSymlink:
                    CreateSymlink(path, op.LinkTarget!);
                    break;
            }
        }
    }

    // Hashes every base file the patch reads, once, before anything is written. Returns where
    // each reusable chunk can be read from a verified file.
    private static async Task<BaseSources> VerifyBaseAsync(
        string installRoot,
        VersionPatch patch,
        BaseIndex index,
        CancellationToken cancellationToken)
    {
        var needed = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var chunks = new Dictionary<string, (string Path, long Offset)>(StringComparer.Ordinal);
        foreach (var entry in patch.Entries)
        {
            switch (entry.Kind)
            {
                case PatchEntryKind.Unchanged:
                    var same = BaseFile(index, entry.Path);
                    RequireBase(same.Sha256 == entry.Sha256, $"'{entry.Path}' is not unchanged.");
                    break;
                case PatchEntryKind.Copy:
                    var copied = BaseFile(index, entry.BasePath!);
                    RequireBase(copied.Sha256 == entry.Sha256, $"'{entry.BasePath}' differs.");
                    needed[copied.Path] = copied;
                    break;
                case PatchEntryKind.Delta:
                    var patched = BaseFile(index, entry.BasePath!);
                    RequireBase(patched.Sha256 == entry.BaseSha256, $"'{entry.BasePath}' differs.");
                    needed[patched.Path] = patched;
                    break;
                case PatchEntryKind.Chunks:
                    foreach (var chunk in entry.ChunkList)
                    {
                        if (!chunks.ContainsKey(chunk.Sha256) &&
                            index.ChunkOwners.TryGetValue(chunk.Sha256, out var owners))
                        {
                            var owner = owners[0].File;
                            var at = owner.ChunkList.First(c => c.Sha256 == chunk.Sha256);
                            chunks[chunk.Sha256] = (owner.Path, at.Offset);
                            needed[owner.Path] = owner;
                        }
                    }

                    break;
            }
        }

        foreach (var path in patch.Deleted)
        {
            RequireBase(index.ByPath.ContainsKey(path), $"'{path}' is not in the base to delete.");
        }

        // One file per core at a time: the hashing is what takes the time.
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(needed.Values, parallel, async (file, token) =>
        {
            var full = Path.Combine(installRoot, file.Path);
            string actual;
            try
            {
                actual = await Sha256Hex.OfFileAsync(full, token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new VersionPatchException($"Cannot read base file '{file.Path}'.", e);
            }

            RequireBase(actual == file.Sha256, $"Installed '{file.Path}' is not the base's.");
        });

        return new BaseSources(chunks);
    }

    private async Task StageFileAsync(
        string installRoot,
        PatchEntry entry,
        string stagedPath,
        BaseSources sources,
        CancellationToken cancellationToken)
    {
        switch (entry.Kind)
        {
            case PatchEntryKind.Copy:
                File.Copy(Path.Combine(installRoot, entry.BasePath!), stagedPath, overwrite: true);
                break;
            case PatchEntryKind.Delta:
                await StageDeltaAsync(installRoot, entry, stagedPath, cancellationToken);
                break;
            case PatchEntryKind.Chunks:
                await StageChunksAsync(installRoot, entry, stagedPath, sources, cancellationToken);
                break;
        }

        var actual = await Sha256Hex.OfFileAsync(stagedPath, cancellationToken);
        if (actual != entry.Sha256)
        {
            throw new VersionPatchException(
                $"Rebuilt '{entry.Path}' hashes to {actual}, not {entry.Sha256}.");
        }

        SetExecutable(stagedPath, entry.Executable);
    }

    private async Task StageDeltaAsync(
        string installRoot,
        PatchEntry entry,
        string stagedPath,
        CancellationToken cancellationToken)
    {
        var payload = await FetchVerifiedAsync(entry.PayloadKey!, cancellationToken);
        await using var baseStream = new FileStream(
            Path.Combine(installRoot, entry.BasePath!), FileMode.Open, FileAccess.Read,
            FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        await using var target = CreateStaged(stagedPath);
        try
        {
            // The base was hashed moments ago by VerifyBaseAsync; the decoder need not again.
            DeltaDecoder.Apply(baseStream, new MemoryStream(payload), target, verifyBase: false);
        }
        catch (PatchFormatException e)
        {
            throw new VersionPatchException($"The delta for '{entry.Path}' fails: {e.Message}", e);
        }
    }

    private async Task StageChunksAsync(
        string installRoot,
        PatchEntry entry,
        string stagedPath,
        BaseSources sources,
        CancellationToken cancellationToken)
    {
        await using var target = CreateStaged(stagedPath);
        foreach (var chunk in entry.ChunkList)
        {
            byte[] bytes;
            if (sources.Chunks.TryGetValue(chunk.Sha256, out var source))
            {
                bytes = new byte[chunk.Length];
                await using var file = new FileStream(
                    Path.Combine(installRoot, source.Path), FileMode.Open, FileAccess.Read,
                    FileShare.Read, 1, FileOptions.RandomAccess);
                file.Position = source.Offset;
                await file.ReadExactlyAsync(bytes, cancellationToken);
                if (Sha256Hex.Of(bytes) != chunk.Sha256)
                {
                    throw new VersionPatchException($"Base chunk {chunk.Sha256} changed on disk.");
                }
            }
            else
            {
                bytes = await FetchVerifiedAsync(chunk.Sha256, cancellationToken);
            }

            await target.WriteAsync(bytes, cancellationToken);
        }
    }

    private async Task<byte[]> FetchVerifiedAsync(string key, CancellationToken cancellationToken)
    {
        var bytes = await fetcher.FetchAsync(key, cancellationToken);
        if (Sha256Hex.Of(bytes) != key)
        {
            throw new VersionPatchException($"Blob {key} arrived with other content.");
        }

        return bytes;
    }

    private static List<SwapOperation> PlanSwap(
        VersionPatch patch, BaseIndex index, Dictionary<string, string> staged)
    {
        var ops = new List<SwapOperation>();
        var deleted = patch.Deleted
            .Select(p => (Path: p, Kind: index.ByPath.GetValueOrDefault(p)?.Kind))
            .ToList();
        ops.AddRange(deleted
            .Where(d => d.Kind != EntryKind.Directory)
            .Select(d => new SwapOperation(SwapAction.DeleteFile, d.Path)));

        // Deepest first, so each folder is empty by the time it is removed.
        ops.AddRange(deleted
            .Where(d => d.Kind == EntryKind.Directory)
            .OrderByDescending(d => d.Path, StringComparer.Ordinal)
            .Select(d => new SwapOperation(SwapAction.DeleteDirectory, d.Path)));
        foreach (var entry in patch.Entries.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            switch (entry.Kind)
            {
                case PatchEntryKind.Directory:
                    ops.Add(new SwapOperation(SwapAction.CreateDirectory, entry.Path));
                    break;
                case PatchEntryKind.Unchanged
                    when index.ByPath[entry.Path].Executable != entry.Executable:
                    ops.Add(new SwapOperation(
                        SwapAction.SetExecutable, entry.Path, Executable: entry.Executable));
                    break;
            }
        }

        ops.AddRange(patch.Entries
            .Where(e => staged.ContainsKey(e.Path))
            .Select(e => new SwapOperation(
                SwapAction.MoveIn, e.Path, staged[e.Path], e.Executable)));
        ops.AddRange(patch.Entries
            .Where(e => e.Kind == PatchEntryKind.Symlink)
            .Select(e => new SwapOperation(
                SwapAction.CreateSymlink, e.Path, LinkTarget: e.LinkTarget)));
        return ops;
    }

    private static ManifestEntry BaseFile(BaseIndex index, string path)
    {
        if (!index.ByPath.TryGetValue(path, out var entry) || entry.Kind != EntryKind.File)
        {
            throw new VersionPatchException($"The base version has no file '{path}'.");
        }

        return entry;
    }

    private static void RequireBase(bool condition, string message)
    {
        if (!condition)
        {
            throw new VersionPatchException(
                $"The installed base does not fit the patch: {message}");
        }
    }

    private static FileStream CreateStaged(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);

    private static void SetExecutable(string path, bool executable)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode anyRead =
            UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

        // Execute follows read (r-- becomes r-x), as chmod +x under a usual umask would give.
        var wanted = executable
            ? mode | (UnixFileMode)((int)(mode & anyRead) >> 2)
            : mode & ~AnyExecute;
        if (wanted != mode)
        {
            File.SetUnixFileMode(path, wanted);
        }
    }

    private static void DeleteFileOrLink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            // A path the manifest called a file but that is a folder here: leave it.
            return;
        }

        // File.Delete removes a link itself, never what it points to.
        File.Delete(path);
    }

    private static void DeleteDirectoryIfEmpty(string path)
    {
        var info = new DirectoryInfo(path);
        if (!info.Exists)
        {
            return;
        }

        if (info.LinkTarget is null && info.EnumerateFileSystemInfos().Any())
        {
            return;
        }

        info.Delete();
    }

    private static void CreateSymlink(string path, string linkTarget)
    {
        var existing = new FileInfo(path);
        if (existing.LinkTarget == linkTarget)
        {
            return;
        }

        if (existing.LinkTarget is not null || existing.Exists)
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, linkTarget);
    }

    /// <summary>Where chunks the base holds can be read, in files already verified.</summary>
    private sealed record BaseSources(Dictionary<string, (string Path, long Offset)> Chunks);
}
