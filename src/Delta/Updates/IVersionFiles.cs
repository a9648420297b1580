using Mist.Delta.Manifests;

namespace Mist.Delta.Updates;

/// <summary>
/// Opens the bytes of one version's files, by manifest entry. The server reassembles them from
/// chunk blobs; <see cref="FolderVersionFiles"/> reads an unpacked folder.
/// </summary>
public interface IVersionFiles
{
    /// <summary>Opens the content of file <paramref name="entry"/> for reading. The builder
    /// copies a stream that cannot seek to a temporary file, since the delta engine reads by
    /// random access.</summary>
    Stream Open(ManifestEntry entry);
}
