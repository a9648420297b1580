using System.Text.RegularExpressions;

namespace Mist.Domain.Common;

/// <summary>The shapes of the natural keys that end up in stream keys and URLs.</summary>
public static partial class Naming
{
    public const int MaxSlugLength = 64;
    public const int MaxLabelLength = 64;
    public const string DefaultBranch = "main";

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(slug);

    public static bool IsValidLabel(string? label) =>
        label is { Length: > 0 and <= MaxLabelLength } && LabelPattern().IsMatch(label);

    public static bool IsValidBranch(string? branch) => IsValidSlug(branch);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    // Labels are version names such as 1.2.0, 2024-06-01 or beta_3: no separators that
    // would clash with stream keys (':') or paths ('/').
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._+-]*[A-Za-z0-9])?$")]
    private static partial Regex LabelPattern();
}
