using System.Collections.Concurrent;
using Mist.Delta.Blobs;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;
using Mist.Delta.Patching;

namespace Mist.Delta.Updates;

/// <summary>
/// Builds the patch from one version to another (server side). Each target file gets the
/// cheapest way to produce it: unchanged, copied from a base file with the same content, a
/// delta against the most similar base file, or its chunks, the ones the base lacks being
/// downloaded. Costs compare download bytes: a delta's raw length against the compressed
/// length of the chunks the client lacks, compressed as the store keeps them.
/// </summary>
/// <param name="baseFiles">Opens the base version's files.</param>
/// <param name="targetFiles">Opens the target version's files.</param>
/// <param name="sink">Stores each distinct delta payload.</param>
/// <param name="options">Settings; defaults when null.</param>
public sealed class VersionPatchBuilder(
    IVersionFiles baseFiles,
    IVersionFiles targetFiles,
    IPayloadSink sink,
    VersionPatchBuildOptions? options = null)
{
    private readonly VersionPatchBuildOptions _options = options ?? new VersionPatchBuildOptions();

    /// <summary>Builds the patch from <paramref name="baseManifest"/> to
    /// <paramref name="targetManifest"/>, storing its payloads in the sink.</summary>
    /// <exception cref="InvalidDataException">A file's content does not match its manifest.
    /// </exception>
    public async Task<VersionPatchBuildResult> BuildAsync(
        VersionManifest baseManifest,
        VersionManifest targetManifest,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseManifest);
        ArgumentNullException.ThrowIfNull(targetManifest);
        var index = new BaseIndex(baseManifest);
        var run = new BuildRun();
        var entries = new PatchEntry[targetManifest.Entries.Count];
        var work = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            var target = targetManifest.Entries[i];
            var quick = Classify(target, index);
            if (quick is null)
            {
                work.Add(i);
            }
            else
            {
                entries[i] = quick;
            }
        }

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(work, parallel, async (i, token) =>
            entries[i] = await BuildFileAsync(targetManifest.Entries[i], index, run, token));

        var targetKinds = targetManifest.Entries.ToDictionary(e => e.Path, e => e.Kind);
        var deleted = baseManifest.Entries
            .Where(e => !targetKinds.TryGetValue(e.Path, out var kind) || kind != e.Kind)
            .Select(e => e.Path)
            .Order(StringComparer.Ordinal)
            .ToList();
        var patch = new VersionPatch(
            VersionPatch.CurrentFormat,
            ManifestSerializer.Hash(ManifestSerializer.Serialize(baseManifest)),
            ManifestSerializer.Hash(ManifestSerializer.Serialize(targetManifest)),
            [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)],
            deleted);
        return new VersionPatchBuildResult(
            patch,
            VersionPatchSerializer.Serialize(patch),
            run.Payloads.Values.Sum(),
            run.FetchedChunks.Values.Sum(),
            run.MissingChunks.Values.Sum());
    }

    // Entries that need no file content read; null means the file must be weighed.
    private static PatchEntry? Classify(ManifestEntry target, BaseIndex index)
    {
        ManifestPath.EnsureValid(target.Path);
        switch (target.Kind)
        {
            case EntryKind.Directory:
                return new PatchEntry(target.Path, PatchEntryKind.Directory);
            case EntryKind.Symlink:
                return new PatchEntry(
                    target.Path, PatchEntryKind.Symlink, LinkTarget: target.LinkTarget);
        }

        if (target.Size > 0 && target.ChunkList.Count == 0)
        {
            throw new ArgumentException($"Target file '{target.Path}' has no chunk list.");
        }

        if (index.ByPath.TryGetValue(target.Path, out var same) && same.Kind == EntryKind.File &&
            same.Sha256 == target.Sha256)
        {
            return FileEntry(target, PatchEntryKind.Unchanged);
        }

        if (target.Sha256 is not null && index.BySha.TryGetValue(target.Sha256, out var copy))
        {
            return FileEntry(target, PatchEntryKind.Copy) with { BasePath = copy.Path };
        }

        return null;
    }

    private async Task<PatchEntry> BuildFileAsync(
        ManifestEntry target, BaseIndex index, BuildRun run, CancellationToken cancellationToken)
    {
        await using var targetStream =
            await SeekableAsync(targetFiles.Open(target), cancellationToken);
        var missing = MissingChunks(target, targetStream, index, run);
        var chunkCost = missing.Sum(m => m.Cost);
        var chunks = FileEntry(target, PatchEntryKind.Chunks) with { Chunks = target.ChunkList };
        var basis = chunkCost > 0 ? index.MostSimilar(target) : null;
        if (basis is null)
        {
            run.RecordFetched(missing);
            return chunks;
        }

        using var delta = new MemoryStream();
        PatchInfo info;
        await using (var baseStream = await SeekableAsync(baseFiles.Open(basis), cancellationToken))
        {
            // Files are already encoded in parallel; one core each keeps both cores busy
            // without oversubscribing them.
            var deltaOptions = _options.Delta with { MaxDegreeOfParallelism = 1 };
            info = DeltaEncoder.Encode(
                baseStream, targetStream, delta, deltaOptions, cancellationToken);
        }

        CheckHash(info.BaseSha256, basis);
        CheckHash(info.TargetSha256, target);
        if (delta.Length + _options.MinimumSavingBytes >= chunkCost)
        {
            run.RecordFetched(missing);
            return chunks;
        }

        var payload = delta.GetBuffer().AsMemory(0, (int)delta.Length);
        var key = Sha256Hex.Of(payload.Span);
        if (run.Payloads.TryAdd(key, payload.Length))
        {
            await sink.PutAsync(key, payload, cancellationToken);
        }

        return FileEntry(target, PatchEntryKind.Delta) with
        {
            BasePath = basis.Path,
            BaseSha256 = basis.Sha256,
            PayloadKey = key,
            PayloadSize = payload.Length,
            DeltaMode = info.Mode,
        };
    }

    // The chunks of the target that no base file holds, each with the size of its blob.
    private List<(string Key, long Cost)> MissingChunks(
        ManifestEntry target, Stream targetStream, BaseIndex index, BuildRun run)
    {
        var missing = new List<(string Key, long Cost)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in target.ChunkList)
        {
            if (index.ChunkOwners.ContainsKey(chunk.Sha256) || !seen.Add(chunk.Sha256))
            {
                continue;
            }

            var cost = run.MissingChunks.GetOrAdd(chunk.Sha256, _ =>
            {
                var bytes = new byte[chunk.Length];
                targetStream.Position = chunk.Offset;
                targetStream.ReadExactly(bytes);
                if (BlobCodec.Key(bytes) != chunk.Sha256)
                {
                    throw new InvalidDataException(
                        $"Chunk at {chunk.Offset} of '{target.Path}' is not {chunk.Sha256}.");
                }

                var compressed = new byte[BlobCodec.MaxBlobLength(bytes.Length)];
                return BlobCodec.Compress(bytes, compressed, _options.ChunkCompressionLevel);
            });
            missing.Add((chunk.Sha256, cost));
        }

        return missing;
    }

    private static PatchEntry FileEntry(ManifestEntry target, PatchEntryKind kind) =>
        new(target.Path, kind, target.Size, target.Sha256, target.Executable);

    private static void CheckHash(byte[] actual, ManifestEntry entry)
    {
        if (Convert.ToHexStringLower(actual) != entry.Sha256)
        {
            throw new InvalidDataException(
                $"The content opened for '{entry.Path}' does not hash to its manifest entry.");
        }
    }

    private static async Task<Stream> SeekableAsync(
        Stream stream, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        await using (stream)
        {
            var copy = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                1 << 16, FileOptions.DeleteOnClose | FileOptions.RandomAccess);
            await stream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
    }

    /// <summary>Totals gathered across files, each blob counted once.</summary>
    private sealed class BuildRun
    {
        public ConcurrentDictionary<string, long> Payloads { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, long> MissingChunks { get; } =
            new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, long> FetchedChunks { get; } =
            new(StringComparer.Ordinal);

        public void RecordFetched(IEnumerable<(string Key, long Cost)> chunks)
        {
            foreach (var (key, cost) in chunks)
            {
                FetchedChunks.TryAdd(key, cost);
            }
        }
    }
}
