using Mist.Client.Update;
using Mist.Client.Verify;

namespace Mist.Client.Repair;

/// <summary>
/// What a repair found and did: the differences it restored (missing, changed, wrong bits or
/// links), the extra entries it left alone (saves, mods), whether the kept manifest itself
/// had to be fetched again, and what an interrupted update's recovery did first.
/// </summary>
public sealed record RepairResult(
    string Game,
    string Label,
    RecoveryOutcome Recovery,
    IReadOnlyList<TreeDifference> Repaired,
    IReadOnlyList<TreeDifference> LeftAlone,
    bool ManifestRestored,
    long BytesDownloaded,
    long BytesWritten);
