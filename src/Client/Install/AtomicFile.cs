namespace Mist.Client.Install;

/// <summary>
/// Writes a file through a temporary file in the same folder and a rename, so a reader (or a
/// resumed install) sees either nothing or the whole file, never a torn one.
/// </summary>
internal static class AtomicFile
{
    public static async Task WriteAllBytesAsync(
        string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = TemporaryNameFor(path);
        try
        {
            await using (var stream = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16,
                FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static string TemporaryNameFor(string path) =>
        $"{path}.{Guid.NewGuid():N}.tmp";
}
