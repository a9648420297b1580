using Mist.Domain.Versions;

namespace Mist.Application.Updates;

/// <summary>
/// What the planner needs to know about one version of a game.
/// </summary>
/// <param name="Label">The version's label, unique within the game.</param>
/// <param name="Status">Only published versions can be targets or intermediate steps.</param>
/// <param name="Branch">The branch it was published on; null before publication.</param>
/// <param name="Sequence">Publish order; the highest published on a branch is its latest.</param>
/// <param name="ManifestHash">SHA-256 of the version's manifest.</param>
/// <param name="ManifestBytes">Size of the manifest a chunk download fetches first.</param>
/// <param name="Chunks">Every chunk the manifest names; repeats are counted once.</param>
/// <param name="RawBytes">Total size of the version's files.</param>
public sealed record VersionFacts(
    string Label,
    VersionStatus Status,
    string? Branch,
    long Sequence,
    string ManifestHash,
    long ManifestBytes,
    IReadOnlyList<ChunkFact> Chunks,
    long RawBytes);
