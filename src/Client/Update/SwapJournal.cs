namespace Mist.Client.Update;

/// <summary>
/// <c>DIR/.mist/update/journal.json</c>: the patch step whose swap may have started. Written
/// and flushed to disk before the first change to the tree and removed once the target is
/// recorded, so its presence alone says the tree may be a mix of two versions.
/// docs/version-patch-format.md describes the scheme.
/// </summary>
public sealed record SwapJournal(
    int FormatVersion,
    string Game,
    string? Branch,
    string Server,
    string BaseLabel,
    string BaseManifestHash,
    string TargetLabel,
    string TargetManifestHash,
    IReadOnlyList<JournalOperation> Operations)
{
    public const int CurrentFormat = 1;
}
