namespace Mist.Bench.Delta;

/// <summary>
/// A file of the new build and, when the old build has the same path, its old version.
/// </summary>
internal sealed record FilePair(
    string RelativePath,
    string? OldPath,
    string NewPath,
    long NewBytes,
    int Id)
{
    public static IReadOnlyList<FilePair> List(string oldRoot, string newRoot)
    {
        var files = Directory.EnumerateFiles(newRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(newRoot, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files
            .Select((relative, id) =>
            {
                var oldPath = Path.Combine(oldRoot, relative);
                var newPath = Path.Combine(newRoot, relative);
                return new FilePair(
                    relative, File.Exists(oldPath) ? oldPath : null, newPath,
                    new FileInfo(newPath).Length, id);
            })
            .ToList();
    }
}
