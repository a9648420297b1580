namespace Mist.Delta.Updates;

/// <summary>How a client gets a payload or chunk it does not have (download, cache).</summary>
public interface IBlobFetcher
{
    /// <summary>Returns the raw (uncompressed) bytes of blob <paramref name="key"/>. The applier
    /// checks their SHA-256 against the key whatever the fetcher did.</summary>
    Task<byte[]> FetchAsync(string key, CancellationToken cancellationToken);
}
