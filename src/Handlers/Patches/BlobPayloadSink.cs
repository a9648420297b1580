using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Updates;

namespace Mist.Handlers.Patches;

/// <summary>Stores patch payloads as ordinary blobs, so the download endpoint serves them.
/// </summary>
public sealed class BlobPayloadSink(IBlobStore blobs) : IPayloadSink
{
    public async Task PutAsync(
        string key,
        ReadOnlyMemory<byte> payload,
        CancellationToken cancellationToken)
    {
        var blob = BlobCodec.Compress(payload.Span);
        await blobs.PutAsync(key, blob, cancellationToken);
    }
}
