namespace Mist.Application.EventLog;

/// <summary>A version publication as the log tells it.</summary>
/// <param name="Label">The version.</param>
/// <param name="Branch">The branch it was published on.</param>
/// <param name="ManifestHash">Its manifest.</param>
/// <param name="Sequence">The publication event's position in the whole log.</param>
/// <param name="Withdrawn">Whether a withdrawal followed.</param>
public sealed record PublishedVersion(
    string Label,
    string Branch,
    string ManifestHash,
    long Sequence,
    bool Withdrawn);
