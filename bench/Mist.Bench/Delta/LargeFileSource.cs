namespace Mist.Bench.Delta;

/// <summary>
/// Writes one large file from the files of a build, laid end to end in path order and repeated
/// until the file reaches its size. With edits, every round of the target differs from the
/// others and from the base: a few kilobytes inserted or removed every few megabytes, the way
/// an archive file shifts when an asset inside it changes.
/// </summary>
internal static class LargeFileSource
{
    private const int EditSpacing = 3 << 20;
    private const int EditBytes = 4096;

    public static long Write(string buildRoot, string path, long size, bool edits)
    {
        var files = Directory.EnumerateFiles(buildRoot, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"{buildRoot} holds no files.");
        }

        var random = new Random(20261204);
        var insert = new byte[EditBytes];
        using var output = new FileStream(
            path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var sinceEdit = 0L;
        for (var round = 0; output.Length < size; round++)
        {
            foreach (var file in files)
            {
                var content = File.ReadAllBytes(file);
                var at = 0;
                while (edits && content.Length - at > EditSpacing - sinceEdit)
                {
                    var next = at + (int)(EditSpacing - sinceEdit);
                    output.Write(content, at, next - at);
                    at = next;
                    sinceEdit = 0;

                    // Half the edits insert fresh bytes; the other half drop bytes of the build.
                    if (random.Next(2) == 0)
                    {
                        random.NextBytes(insert);
                        output.Write(insert);
                    }
                    else
                    {
                        at = Math.Min(content.Length, at + EditBytes);
                    }
                }

                output.Write(content, at, content.Length - at);
                sinceEdit += content.Length - at;
                if (output.Length >= size)
                {
                    break;
                }
            }
        }

        return output.Length;
    }
}
