namespace Mist.Client.Install;

/// <summary>
/// What an install did. <see cref="AlreadyInstalled"/>: the folder held the version already,
/// and nothing was done. <see cref="FilesKept"/>: files of the previous install left in place.
/// <see cref="BytesWritten"/>: the sizes of the files written.
/// </summary>
public sealed record InstallResult(
    string Game,
    string Label,
    string ManifestHash,
    bool AlreadyInstalled,
    int FilesWritten,
    int ChunksDownloaded,
    long BytesDownloaded,
    int ChunksReused,
    int FilesKept,
    long BytesWritten = 0);
