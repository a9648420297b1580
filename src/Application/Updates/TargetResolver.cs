using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Updates;

/// <summary>Turns an <see cref="UpdateTarget"/> into the one published version it means.</summary>
internal static class TargetResolver
{
    public static VersionFacts Resolve(
        IReadOnlyDictionary<string, VersionFacts> byLabel, UpdateTarget target) =>
        target switch
        {
            { Branch: { } branch, Label: null } => LatestOn(byLabel.Values, branch),
            { Branch: null, Label: { } label } => Pinned(byLabel, label),
            _ => throw DomainException.Invalid(
                "An update target names either a branch or a version label, not both or neither."),
        };

    private static VersionFacts LatestOn(IEnumerable<VersionFacts> versions, string branch)
    {
        // Sequences should be unique per game; the label breaks a tie only so that bad data
        // still gives the same answer every time.
        var latest = versions
            .Where(v => v.Status == VersionStatus.Published && v.Branch == branch)
            .OrderByDescending(v => v.Sequence)
            .ThenBy(v => v.Label, StringComparer.Ordinal)
            .FirstOrDefault();

        return latest ?? throw DomainException.NotFound(
            $"No version is published on branch '{branch}'.");
    }

    private static VersionFacts Pinned(
        IReadOnlyDictionary<string, VersionFacts> byLabel, string label)
    {
        if (!byLabel.TryGetValue(label, out var version))
            throw DomainException.NotFound($"Version '{label}' is not a version of this game.");

        if (version.Status != VersionStatus.Published)
        {
            throw DomainException.Conflict(
                $"Version '{label}' is {version.Status}; only a published version is a target.");
        }

        return version;
    }
}
