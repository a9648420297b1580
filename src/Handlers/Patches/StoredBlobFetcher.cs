using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Updates;

namespace Mist.Handlers.Patches;

/// <summary>
/// Serves a verifying apply on the server from the blob store, as a client would be served
/// over HTTP. Raw lengths come from the patch, since a blob alone does not bound its content.
/// </summary>
public sealed class StoredBlobFetcher(IBlobStore blobs, IReadOnlyDictionary<string, int> rawLengths)
    : IBlobFetcher
{
    public async Task<byte[]> FetchAsync(string key, CancellationToken cancellationToken)
    {
        if (!rawLengths.TryGetValue(key, out var length))
        {
            throw new InvalidDataException($"Blob {key} is not named by the patch.");
        }

        await using var stream = blobs.OpenRead(key) ?? throw new FileNotFoundException(
            $"Blob {key} is not in storage.");
        var blob = new byte[stream.Length];
        await stream.ReadExactlyAsync(blob, cancellationToken);
        return BlobCodec.Decompress(blob, length);
    }
}
