namespace Mist.Infrastructure.Storage;

/// <summary>Where blobs and manifests live: a local folder or a NAS mount (configuration
/// setting "Mist:DataRoot").</summary>
public sealed class StorageOptions
{
    public const string Section = "Mist";

    public string DataRoot { get; set; } = "";
}
