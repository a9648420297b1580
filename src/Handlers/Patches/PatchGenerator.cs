using System.Diagnostics;
using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Handlers.Patches;

/// <summary>
/// Builds the patch between two stored versions, proves it by applying it to the base as a
/// client would, and only then stores its manifest. Payload blobs may be stored for a patch
/// that fails its check; they are content-addressed, so they are harmless and reused.
/// </summary>
public sealed class PatchGenerator(IBlobStore blobs, VersionPatchBuildOptions options)
{
    /// <exception cref="FileNotFoundException">A manifest or chunk is not in storage.
    /// </exception>
    /// <exception cref="InvalidDataException">Stored data is damaged.</exception>
    /// <exception cref="VersionPatchException">The patch does not apply to give the target.
    /// </exception>
    public async Task<GeneratedPatch> GenerateAsync(
        string baseManifestHash,
        string targetManifestHash,
        CancellationToken cancellationToken)
    {
        var baseManifest = await LoadManifestAsync(baseManifestHash, cancellationToken);
        var targetManifest = await LoadManifestAsync(targetManifestHash, cancellationToken);
        var files = new BlobVersionFiles(blobs);
        var builder = new VersionPatchBuilder(files, files, new BlobPayloadSink(blobs), options);

        var clock = Stopwatch.StartNew();
        var result = await builder.BuildAsync(baseManifest, targetManifest, cancellationToken);
        clock.Stop();

        var written = result.Patch.Entries
            .Where(e => e.Kind is PatchEntryKind.Copy or PatchEntryKind.Delta
                or PatchEntryKind.Chunks)
            .Sum(e => e.Size);
        if (!result.WorthShipping)
        {
            return new GeneratedPatch(false, null, result.DownloadBytes, result.ChunksOnlyBytes,
                written, written, clock.Elapsed);
        }

        Require(result.Patch.BaseManifestHash == baseManifestHash, "base manifest");
        Require(result.Patch.TargetManifestHash == targetManifestHash, "target manifest");
        var verifyClock = Stopwatch.StartNew();
        await VerifyAsync(baseManifest, result.Patch, cancellationToken);
        verifyClock.Stop();

        var key = VersionPatchSerializer.Hash(result.Serialized);
        await blobs.PutAsync(key, BlobCodec.Compress(result.Serialized), cancellationToken);

        // Every changed file is staged before the swap, so the staging peak is all it writes.
        return new GeneratedPatch(true, key, result.DownloadBytes, result.ChunksOnlyBytes,
            written, written, clock.Elapsed, verifyClock.Elapsed);
    }

    private async Task<VersionManifest> LoadManifestAsync(
        string hash, CancellationToken cancellationToken)
    {
        var bytes = await blobs.GetManifestAsync(hash, cancellationToken)
            ?? throw new FileNotFoundException($"Manifest {hash} is not in storage.");
        return ManifestSerializer.Deserialize(bytes);
    }

    // Stages the patch against the base rebuilt from its blobs in a scratch folder: staging
    // checks every base file it reads and every file it writes against their hashes.
    private async Task VerifyAsync(
        VersionManifest baseManifest, VersionPatch patch, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("mist-patch-check-");
        try
        {
            var install = Path.Combine(scratch.FullName, "base");
            WriteTree(baseManifest, install);
            var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in patch.Entries)
            {
                if (entry.PayloadKey is { } payload)
                {
                    lengths[payload] = checked((int)entry.PayloadSize);
                }

                foreach (var chunk in entry.ChunkList)
                {
                    lengths[chunk.Sha256] = chunk.Length;
                }
            }

            var applier = new VersionPatchApplier(new StoredBlobFetcher(blobs, lengths));
            await applier.StageAsync(install, baseManifest, patch,
                Path.Combine(scratch.FullName, "staging"), cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private void WriteTree(VersionManifest manifest, string root)
    {
        var files = new BlobVersionFiles(blobs);
        Directory.CreateDirectory(root);
        foreach (var entry in manifest.Entries)
        {
            ManifestPath.EnsureValid(entry.Path);
            var path = Path.Combine(root, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (entry.Kind)
            {
                case EntryKind.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case EntryKind.Symlink:
                    File.CreateSymbolicLink(path, entry.LinkTarget!);
                    break;
                case EntryKind.File:
                    using (var file = File.Create(path))
                    {
                        files.Write(entry, file);
                    }

                    break;
            }
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new VersionPatchException($"The built patch names another {what}.");
        }
    }
}
