using System.Collections.Concurrent;
using System.Security.Cryptography;
using Mist.Application.Storage;

namespace Mist.Infrastructure.Storage;

/// <summary>
/// The blob store over one data root folder:
/// <c>blobs/{hh}/{sha256}</c>, <c>manifests/{sha256}</c>, and <c>tmp/</c> for writes in
/// progress (see docs/adr/0005-storage-layout.md). A write goes to a temp file in the same
/// file system, is flushed to disk, then renamed into place without overwriting, so a crash,
/// a full disk or a concurrent writer of the same key never leaves a partial blob under
/// <c>blobs/</c>.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 16;

    private readonly string _blobs;
    private readonly string _manifests;
    private readonly string _temp;
    private readonly ConcurrentDictionary<string, bool> _madeFolders = new();

    // Writes in progress by final path. File.Move without overwrite checks for the target and
    // then renames, which is not atomic on Unix: two writers of one key in this process could
    // both succeed. A second writer waits for the first instead. Writers in two processes can
    // still both report a write; their bytes are identical, so only the counts are off.
    private readonly ConcurrentDictionary<string, Task<bool>> _writing = new();

    public FileSystemBlobStore(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataRoot))
        {
            throw new InvalidOperationException(
                $"Set {StorageOptions.Section}:DataRoot to the folder that holds the blobs.");
        }

        DataRoot = Path.GetFullPath(options.DataRoot);
        _blobs = Path.Combine(DataRoot, "blobs");
        _manifests = Path.Combine(DataRoot, "manifests");
        _temp = Path.Combine(DataRoot, "tmp");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_manifests);
        Directory.CreateDirectory(_temp);
    }

    public string DataRoot { get; }

    public bool Exists(string key) => File.Exists(PathFor(key));

    public long? GetLength(string key)
    {
        var file = new FileInfo(PathFor(key));
        return file.Exists ? file.Length : null;
    }

    public string PathFor(string key)
    {
        BlobKey.EnsureValid(key);
        return Path.Combine(_blobs, key[..2], key);
    }

    public Task<bool> PutAsync(
        string key, ReadOnlyMemory<byte> blob, CancellationToken cancellationToken) =>
        PutFileAsync(PathFor(key), (file, token) => file.WriteAsync(blob, token),
            cancellationToken);

    public Task<bool> PutAsync(string key, Stream content, CancellationToken cancellationToken) =>
        PutFileAsync(PathFor(key), (file, token) => new ValueTask(
            content.CopyToAsync(file, BufferSize, token)), cancellationToken);

    public Stream? OpenRead(string key)
    {
        try
        {
            // Delete sharing lets a clean-up remove a blob while it is being served.
            return new FileStream(PathFor(key), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public bool ManifestExists(string manifestHash) => File.Exists(ManifestPath(manifestHash));

    public async Task<string> PutManifestAsync(
        ReadOnlyMemory<byte> serialized, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(serialized.Span));
        await PutFileAsync(ManifestPath(hash), (file, token) => file.WriteAsync(serialized, token),
            cancellationToken);
        return hash;
    }

    public async Task<byte[]?> GetManifestAsync(
        string manifestHash, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(ManifestPath(manifestHash), cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != manifestHash)
        {
            throw new InvalidDataException(
                $"The stored manifest {manifestHash} is damaged: its content hashes to {actual}.");
        }

        return bytes;
    }

    private string ManifestPath(string manifestHash)
    {
        BlobKey.EnsureValid(manifestHash);
        return Path.Combine(_manifests, manifestHash);
    }

    private async Task<bool> PutFileAsync(
        string finalPath,
        Func<FileStream, CancellationToken, ValueTask> write,
        CancellationToken cancellationToken)
    {
        if (File.Exists(finalPath))
        {
            return false;
        }

        var mine = new TaskCompletionSource<bool>(
            TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _writing.GetOrAdd(finalPath, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
                return false;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The first writer failed (cancelled, disk full): this write tries on its own.
                return await PutFileAsync(finalPath, write, cancellationToken);
            }
        }

        try
        {
            var written = await WriteFileAsync(finalPath, write, cancellationToken);
            _writing.TryRemove(new KeyValuePair<string, Task<bool>>(finalPath, mine.Task));
            mine.SetResult(written);
            return written;
        }
        catch (Exception e)
        {
            _writing.TryRemove(new KeyValuePair<string, Task<bool>>(finalPath, mine.Task));
            mine.SetException(e);
            throw;
        }
    }

    private async Task<bool> WriteFileAsync(
        string finalPath,
        Func<FileStream, CancellationToken, ValueTask> write,
        CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        if (_madeFolders.TryAdd(folder, true))
        {
            Directory.CreateDirectory(folder);
        }

        var tempPath = Path.Combine(_temp, $"{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write,
                FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);

                // fsync before the rename: otherwise a power cut can leave a named, empty blob.
                await DiskFlusher.Shared.FlushToDiskAsync(file);
            }

            return Publish(tempPath, finalPath);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private bool Publish(string tempPath, string finalPath)
    {
        try
        {
            // The folder is not fsynced after the rename (.NET cannot open a folder to flush
            // it). After a power cut a blob stored in the last seconds may be missing, never
            // partial; a manifest stored after it may then name it. FindMissingBlobs, run
            // before publishing, catches that.
            File.Move(tempPath, finalPath, overwrite: false);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            // A clean-up removed the now empty {hh} folder after we noted it as made.
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            _madeFolders.TryAdd(Path.GetDirectoryName(finalPath)!, true);
            return Publish(tempPath, finalPath);
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            // Another writer stored the same key first; content addressing makes its copy
            // identical to ours.
            TryDelete(tempPath);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale temp file is harmless and tmp/ is swept by clean-up.
        }
    }
}
