using System.Collections.Concurrent;
using Mist.Client.Http;
using Mist.Client.Update;
using Mist.Delta.Blobs;
using Mist.Delta.Updates;

namespace Mist.Client.Tests.Support;

/// <summary>
/// The server's side of an update without HTTP: a real folder laid out like the store
/// (<c>blobs/{hh}/{sha256}</c> zstd-compressed, <c>manifests/{hash}</c>), and a plan the test
/// sets. It refuses oversized bodies as the HTTP client does and counts what it hands out.
/// </summary>
public sealed class FolderServer(string root) : IUpdateServer, IPayloadSink
{
    private long _bytesReceived;

    public Func<string, string?, UpdatePlanResponse> Plan { get; set; } =
        (_, _) => throw new InvalidOperationException("No plan was set.");

    public ConcurrentQueue<string> Fetched { get; } = [];

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public string BlobPath(string key) => Path.Combine(root, "blobs", key[..2], key);

    public string PutBlob(byte[] raw)
    {
        var key = BlobCodec.Key(raw);
        var path = BlobPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, BlobCodec.Compress(raw));
        return key;
    }

    /// <summary>Replaces a stored blob with a well-formed blob of other content, as a bad
    /// disk or a bug on the server could.</summary>
    public void Corrupt(string key)
    {
        var raw = BlobCodec.Decompress(File.ReadAllBytes(BlobPath(key)), RawLength(key));
        raw[raw.Length / 2] ^= 0x5A;
        File.WriteAllBytes(BlobPath(key), BlobCodec.Compress(raw));
    }

    public void PutManifest(string hash, byte[] bytes)
    {
        var path = Path.Combine(root, "manifests", hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> payload, CancellationToken token)
    {
        PutBlob(payload.ToArray());
        return Task.CompletedTask;
    }

    public Task<UpdatePlanResponse> GetPlanAsync(
        string game, string fromLabel, string? toLabel, string? branch, CancellationToken token) =>
        Task.FromResult(Plan(fromLabel, toLabel));

    public Task<byte[]> GetManifestBytesAsync(string hash, CancellationToken token) =>
        Task.FromResult(Read(Path.Combine(root, "manifests", hash), hash, long.MaxValue));

    public Task<byte[]> GetBlobAsync(string sha256, long maxBytes, CancellationToken token)
    {
        Fetched.Enqueue(sha256);
        return Task.FromResult(Read(BlobPath(sha256), sha256, maxBytes));
    }

    private byte[] Read(string path, string key, long maxBytes)
    {
        if (!File.Exists(path))
        {
            throw new MistApiException(404, new ApiProblem("Not found", key, 404, null), key);
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > maxBytes)
        {
            throw new InvalidDataException($"{key} is larger than the {maxBytes} bytes allowed.");
        }

        Interlocked.Add(ref _bytesReceived, bytes.Length);
        return bytes;
    }

    private int RawLength(string key) =>
        (int)ZstdSharp.Decompressor.GetDecompressedSize(File.ReadAllBytes(BlobPath(key)));
}
