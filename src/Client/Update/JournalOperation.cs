using Mist.Delta.Updates;

namespace Mist.Client.Update;

/// <summary>
/// One swap operation as the journal keeps it: the <see cref="SwapOperation"/> with the staged
/// file named relative to the staging folder, and the target file's size and SHA-256 so that
/// a later run can check a staged or moved-in file before trusting it.
/// </summary>
public sealed record JournalOperation(
    SwapAction Action,
    string Path,
    string? Staged = null,
    bool Executable = false,
    string? LinkTarget = null,
    long Size = 0,
    string? Sha256 = null);
