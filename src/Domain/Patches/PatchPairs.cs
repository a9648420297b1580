namespace Mist.Domain.Patches;

/// <summary>
/// Which patches a newly published version gets: one from the previous published version on
/// its branch, so every player can walk the chain, and direct ones from the versions before
/// that, up to <c>directCount</c> in all, so players who skipped updates download less.
/// </summary>
public static class PatchPairs
{
    /// <param name="publishedOnBranch">Labels published on the branch, oldest first, not
    /// withdrawn, without the new version.</param>
    public static IReadOnlyList<string> BasesFor(
        IReadOnlyList<string> publishedOnBranch,
        int directCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(directCount, 1);

        return [.. publishedOnBranch.Reverse().Take(directCount)];
    }
}
