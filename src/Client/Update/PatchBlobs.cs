using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// The payloads and chunks one patch needs that the base does not hold, each with the raw
/// size the patch states for it. They are downloaded up front, several at a time, into the
/// install's chunk cache (verified, and kept there if the update is interrupted); the applier
/// then reads them from it. A key the patch does not name is refused, so every blob is
/// bounded by a size known before it is asked for.
/// </summary>
internal sealed class PatchBlobs : IBlobFetcher
{
    private readonly IContentSource _content;
    private readonly ChunkCache _cache;
    private readonly Dictionary<string, ChunkRef> _blobs = new(StringComparer.Ordinal);

    public PatchBlobs(
        IContentSource content, ChunkCache cache, VersionPatch patch, VersionManifest baseManifest)
    {
        _content = content;
        _cache = cache;
        foreach (var entry in patch.Entries.Where(e => e.Kind == PatchEntryKind.Delta))
        {
            if (entry.PayloadSize > int.MaxValue)
            {
                throw new VersionPatchException(
                    $"The payload for '{entry.Path}' is too large to apply ({entry.PayloadSize}).");
            }

            _blobs.TryAdd(
                entry.PayloadKey!, new ChunkRef(0, (int)entry.PayloadSize, entry.PayloadKey!));
        }

        var held = baseManifest.Entries
            .SelectMany(e => e.ChunkList)
            .Select(c => c.Sha256)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in patch.Entries
            .Where(e => e.Kind == PatchEntryKind.Chunks)
            .SelectMany(e => e.ChunkList)
            .Where(c => !held.Contains(c.Sha256)))
        {
            _blobs.TryAdd(chunk.Sha256, chunk with { Offset = 0 });
        }
    }

    /// <summary>Raw bytes of every blob the patch fetches.</summary>
    public long RawBytes => _blobs.Values.Sum(b => (long)b.Length);

    /// <summary>Downloads what the cache does not hold yet.</summary>
    /// <exception cref="VersionPatchException">A blob is missing on the server or damaged.
    /// </exception>
    public async Task PrefetchAsync(
        InstallerOptions options, IProgressSink progress, CancellationToken cancellationToken)
    {
        var missing = _blobs.Values.Where(b => !_cache.Contains(b.Sha256)).ToList();
        try
        {
            await new ChunkDownloader(_content, _cache, options, progress)
                .DownloadAsync(missing, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or Http.MistApiException
            { StatusCode: >= 400 and < 500 })
        {
            throw new VersionPatchException(
                $"A blob of the patch cannot be fetched intact: {e.Message}", e);
        }
    }

    public async Task<byte[]> FetchAsync(string key, CancellationToken cancellationToken)
    {
        if (!_blobs.TryGetValue(key, out var blob))
        {
            throw new VersionPatchException($"The patch reads blob {key}, which it does not name.");
        }

        var cached = await _cache.ReadVerifiedAsync(blob, cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var compressed = await _content.GetBlobAsync(
            key, ChunkDecoder.MaxCompressedLength(blob), cancellationToken);
        try
        {
            return ChunkDecoder.Decode(blob, compressed);
        }
        catch (InvalidDataException e)
        {
            throw new VersionPatchException($"Blob {key} is damaged: {e.Message}", e);
        }
    }
}
