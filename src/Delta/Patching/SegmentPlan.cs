namespace Mist.Delta.Patching;

/// <summary>A run of the target and the base window the encoder diffs it against.</summary>
internal readonly record struct SegmentPlan(
    long TargetOffset, long TargetLength, long BaseOffset, long BaseLength);
