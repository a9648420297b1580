using System.Text.Json;
using System.Text.Json.Serialization;
using Mist.Client.Install;
using Mist.Delta.Manifests;

namespace Mist.Client.Update;

/// <summary>
/// Reads and writes the swap journal and the two manifests beside it. Everything the journal
/// relies on is flushed to disk before the journal itself, and the journal lands by a rename,
/// so a reader finds either no journal or a whole one whose files are all there.
/// </summary>
internal static class JournalFile
{
    private const int FlushesAtOnce = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteAsync(
        InstallLayout layout, SwapJournal journal, byte[] baseManifest, byte[] targetManifest,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.UpdateDir);
        await WriteDurablyAsync(layout.JournalBaseManifestPath, baseManifest, cancellationToken);
        await WriteDurablyAsync(
            layout.JournalTargetManifestPath, targetManifest, cancellationToken);

        // A staged file whose bytes were still in the page cache could come back empty after
        // a power cut even though the journal says it is ready to move in.
        // Read access is enough for fsync, and a staged copy of a read-only base file has
        // no write access.
        // Several flushes at once let the file system commit them together rather than
        // waiting for the disk once per file.
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = FlushesAtOnce,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(journal.Operations.Where(o => o.Staged is not null), parallel, op =>
        {
            using var staged = File.OpenHandle(
                Path.Combine(layout.UpdateStagingDir, op.Staged!), FileMode.Open,
                FileAccess.Read);
            RandomAccess.FlushToDisk(staged);
        });

        var bytes = JsonSerializer.SerializeToUtf8Bytes(journal, Json);
        await WriteDurablyAsync(layout.JournalPath, bytes, cancellationToken);
    }

    /// <returns>The journal and both manifests' bytes, each checked against the hash the
    /// journal names; null when there is no journal.</returns>
    public static async Task<(SwapJournal Journal, byte[] Base, byte[] Target)?> ReadAsync(
        InstallLayout layout, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.JournalPath))
        {
            return null;
        }

        SwapJournal journal;
        try
        {
            var bytes = await File.ReadAllBytesAsync(layout.JournalPath, cancellationToken);
            journal = JsonSerializer.Deserialize<SwapJournal>(bytes, Json)
                ?? throw new JsonException("empty document");
        }
        catch (JsonException e)
        {
            throw Damaged(layout, $"it cannot be read ({e.Message})", e);
        }

        if (journal.FormatVersion != SwapJournal.CurrentFormat)
        {
            throw Damaged(layout, $"it has format {journal.FormatVersion}", null);
        }

        // The journal names paths that recovery renames; only install paths and plain
        // staged file names may come out of it.
        if (journal.Operations is null || journal.Operations.Any(op =>
            op is null || !ManifestPath.IsValid(op.Path) ||
            op.Path.Split('/')[0] == InstallLayout.MistFolderName ||
            (op.Staged is not null && (Path.GetFileName(op.Staged) != op.Staged ||
                op.Staged is "." or ".."))))
        {
            throw Damaged(layout, "it names a path outside the install", null);
        }

        var baseBytes = await ReadManifestAsync(
            layout, layout.JournalBaseManifestPath, journal.BaseManifestHash, cancellationToken);
        var targetBytes = await ReadManifestAsync(
            layout, layout.JournalTargetManifestPath, journal.TargetManifestHash,
            cancellationToken);
        return (journal, baseBytes, targetBytes);
    }

    /// <summary>Removes the journal first, so that a crash while the rest goes leaves only
    /// leftovers, never a journal whose staged files are gone.</summary>
    public static void Remove(InstallLayout layout)
    {
        File.Delete(layout.JournalPath);
        if (Directory.Exists(layout.UpdateDir))
        {
            Directory.Delete(layout.UpdateDir, recursive: true);
        }
    }

    private static async Task<byte[]> ReadManifestAsync(
        InstallLayout layout, string path, string hash, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw Damaged(layout, $"{Path.GetFileName(path)} is missing", null);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (ManifestSerializer.Hash(bytes) != hash)
        {
            throw Damaged(layout, $"{Path.GetFileName(path)} is not manifest {hash}", null);
        }

        return bytes;
    }

    private static InstallException Damaged(InstallLayout layout, string why, Exception? inner) =>
        new($"The update journal {layout.JournalPath} is damaged: {why}. Remove " +
            $"{layout.UpdateDir} and run 'mist repair --dir {layout.Root}'.", inner);

    private static async Task WriteDurablyAsync(
        string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = AtomicFile.TemporaryNameFor(path);
        try
        {
            await using (var stream = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
