namespace Mist.Application.Updates;

/// <summary>
/// The version a client wants: the latest published on a branch, or a pinned label. Exactly
/// one of the two is set; build it with <see cref="LatestOn"/> or <see cref="Pinned"/>.
/// </summary>
public sealed record UpdateTarget(string? Branch, string? Label)
{
    /// <summary>The published version with the highest sequence on the branch.</summary>
    public static UpdateTarget LatestOn(string branch) => new(branch, null);

    /// <summary>The version with this label, which must be published.</summary>
    public static UpdateTarget Pinned(string label) => new(null, label);
}
