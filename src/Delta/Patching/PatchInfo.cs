namespace Mist.Delta.Patching;

/// <summary>
/// What a patch's header declares, as read by <see cref="DeltaDecoder.ReadInfo"/>.
/// </summary>
/// <param name="FormatVersion">Version of the patch format.</param>
/// <param name="Mode">The encoder that produced the patch (small or fast).</param>
/// <param name="BranchTransform">Whether the x86 branch transform was applied.</param>
/// <param name="BaseSize">Size in bytes of the base the patch applies to.</param>
/// <param name="BaseSha256">SHA-256 of that base.</param>
/// <param name="TargetSize">Size in bytes of the file the patch produces.</param>
/// <param name="TargetSha256">SHA-256 of that file.</param>
/// <param name="Segments">The segments, in target order.</param>
/// <param name="PatchBytes">Size of the whole patch.</param>
public sealed record PatchInfo(
    int FormatVersion,
    DeltaMode Mode,
    bool BranchTransform,
    long BaseSize,
    byte[] BaseSha256,
    long TargetSize,
    byte[] TargetSha256,
    IReadOnlyList<PatchSegmentInfo> Segments,
    long PatchBytes);
