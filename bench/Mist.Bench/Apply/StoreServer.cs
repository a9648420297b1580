using Mist.Application.Storage;
using Mist.Client.Http;
using Mist.Client.Update;

namespace Mist.Bench.Apply;

/// <summary>
/// The server's side of an update without HTTP: manifests and blobs straight from the blob
/// store the patch was built into, and a plan of one patch. Counts what it hands out, as the
/// HTTP client counts response bodies.
/// </summary>
internal sealed class StoreServer(IBlobStore store, UpdatePlanResponse plan) : IUpdateServer
{
    private long _bytesReceived;

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public Task<UpdatePlanResponse> GetPlanAsync(
        string game, string fromLabel, string? toLabel, string? branch,
        CancellationToken cancellationToken) => Task.FromResult(plan);

    public async Task<byte[]> GetManifestBytesAsync(
        string hash, CancellationToken cancellationToken)
    {
        var bytes = await store.GetManifestAsync(hash, cancellationToken)
            ?? throw new FileNotFoundException($"Manifest {hash} is not in the store.");
        return Counted(bytes);
    }

    public async Task<byte[]> GetBlobAsync(
        string sha256, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(sha256)
            ?? throw new FileNotFoundException($"Blob {sha256} is not in the store.");
        if (stream.Length > maxBytes)
        {
            throw new InvalidDataException($"Blob {sha256} is larger than {maxBytes} bytes.");
        }

        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return Counted(bytes);
    }

    private byte[] Counted(byte[] bytes)
    {
        Interlocked.Add(ref _bytesReceived, bytes.Length);
        return bytes;
    }
}
