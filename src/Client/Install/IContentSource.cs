namespace Mist.Client.Install;

/// <summary>
/// Where an install gets manifests and blobs: the Mist server (<see cref="Http.MistApiClient"/>)
/// or, in tests, a folder laid out like the server's store. Nothing it returns is trusted:
/// callers check every manifest and blob against its hash.
/// </summary>
public interface IContentSource
{
    /// <summary>The stored manifest bytes named by <paramref name="hash"/>, unchecked.</summary>
    Task<byte[]> GetManifestBytesAsync(string hash, CancellationToken cancellationToken);

    /// <summary>The zstd-compressed bytes of blob <paramref name="sha256"/>, refused when over
    /// <paramref name="maxBytes"/>.</summary>
    Task<byte[]> GetBlobAsync(string sha256, long maxBytes, CancellationToken cancellationToken);
}
