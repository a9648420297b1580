namespace Mist.Delta.Patching;

/// <summary>
/// One segment of a patch: a run of the target and the base window it was diffed to.
/// </summary>
/// <param name="TargetOffset">Where the segment's output starts in the target.</param>
/// <param name="TargetLength">Bytes of target the segment produces.</param>
/// <param name="BaseOffset">Start of the base window the segment reads.</param>
/// <param name="BaseLength">Length of that base window.</param>
/// <param name="StreamBytes">Compressed length of each of the segment's streams.</param>
public sealed record PatchSegmentInfo(
    long TargetOffset,
    long TargetLength,
    long BaseOffset,
    long BaseLength,
    IReadOnlyList<long> StreamBytes);
