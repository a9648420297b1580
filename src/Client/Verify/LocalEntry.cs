using Mist.Delta.Manifests;

namespace Mist.Client.Verify;

/// <summary>
/// An entry found on disk. Fifos, sockets and devices count as files: their size (0) then
/// differs from a real file's, and they are never opened.
/// </summary>
internal sealed record LocalEntry(
    string Path,
    EntryKind Kind,
    long Size,
    bool Executable,
    string? LinkTarget,
    string FullPath);
