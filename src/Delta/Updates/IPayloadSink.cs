namespace Mist.Delta.Updates;

/// <summary>Where the builder stores payload blobs (the server's content-addressed store).
/// </summary>
public interface IPayloadSink
{
    /// <summary>Stores the raw bytes of a payload under <paramref name="key"/>, their SHA-256.
    /// The store compresses them like any blob. Called once per distinct key.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
