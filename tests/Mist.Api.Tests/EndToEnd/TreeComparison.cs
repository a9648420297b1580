using Mist.Delta.Manifests;
using Mist.Delta.Trees;

namespace Mist.Api.Tests.EndToEnd;

/// <summary>Compares two folders entry by entry and byte by byte; lists every difference.</summary>
public static class TreeComparison
{
    public static async Task<IReadOnlyList<string>> DifferencesAsync(
        string expectedRoot,
        string actualRoot,
        string? ignore = null)
    {
        var expected = TreeWalker.Walk(expectedRoot).ToDictionary(i => i.Path);
        var actual = TreeWalker.Walk(actualRoot)
            .Where(i => ignore is null || (i.Path != ignore && !i.Path.StartsWith(ignore + "/")))
            .ToDictionary(i => i.Path);
        var differences = new List<string>();

        foreach (var path in expected.Keys.Except(actual.Keys))
        {
            differences.Add($"missing: {path}");
        }

        foreach (var path in actual.Keys.Except(expected.Keys))
        {
            differences.Add($"extra: {path}");
        }

        foreach (var path in expected.Keys.Intersect(actual.Keys))
        {
            var (e, a) = (expected[path], actual[path]);
            if (e.Kind != a.Kind || e.Executable != a.Executable || e.LinkTarget != a.LinkTarget)
            {
                differences.Add($"differs: {path} ({e} vs {a})");
            }
            else if (e.Kind == EntryKind.File && !await SameBytesAsync(e.FullPath, a.FullPath))
            {
                differences.Add($"content: {path}");
            }
        }

        return differences;
    }

    private static async Task<bool> SameBytesAsync(string left, string right)
    {
        var (a, b) = (await File.ReadAllBytesAsync(left), await File.ReadAllBytesAsync(right));
        return a.AsSpan().SequenceEqual(b);
    }
}
