namespace Mist.Client.Tests.Support;

/// <summary>A fresh folder under the system temp folder, removed when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mist-client-").FullName;

    public string this[string relative] =>
        System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Write(string relative, string content) => Write(relative, Bytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public string Folder(string relative) => Directory.CreateDirectory(this[relative]).FullName;

    public string Link(string relative, string target)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return full;
    }

    public void MakeExecutable(string relative, bool executable = true)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode anyExecute =
            UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(this[relative]);
        File.SetUnixFileMode(this[relative], executable ? mode | anyExecute : mode & ~anyExecute);
    }

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
