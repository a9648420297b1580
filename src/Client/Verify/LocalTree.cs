using Mist.Client.Install;
using Mist.Delta.Manifests;

namespace Mist.Client.Verify;

/// <summary>
/// Lists what is on disk under an install, without following links and without Mist's own
/// folder. Unlike the ingestion's tree walker it refuses nothing: whatever it finds is shown
/// to the verifier, which reports it as a difference.
/// </summary>
internal static class LocalTree
{
    private const UnixFileMode AnyExecute =
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        MatchType = MatchType.Simple,
        MatchCasing = MatchCasing.CaseSensitive,
    };

    public static Dictionary<string, LocalEntry> List(string root)
    {
        var entries = new Dictionary<string, LocalEntry>(StringComparer.Ordinal);
        var pending = new Stack<(DirectoryInfo Dir, string Prefix)>();
        pending.Push((new DirectoryInfo(root), ""));
        while (pending.TryPop(out var next))
        {
            foreach (var info in next.Dir.EnumerateFileSystemInfos("*", ListOptions))
            {
                if (next.Prefix.Length == 0 && info.Name == InstallLayout.MistFolderName)
                {
                    continue;
                }

                var path = next.Prefix.Length == 0 ? info.Name : $"{next.Prefix}/{info.Name}";
                var entry = Describe(info, path);
                entries[path] = entry;
                if (entry.Kind == EntryKind.Directory)
                {
                    pending.Push(((DirectoryInfo)info, path));
                }
            }
        }

        return entries;
    }

    private static LocalEntry Describe(FileSystemInfo info, string path)
    {
        if (info.LinkTarget is { } target)
        {
            return new LocalEntry(path, EntryKind.Symlink, 0, false, target, info.FullName);
        }

        if (info is DirectoryInfo)
        {
            return new LocalEntry(path, EntryKind.Directory, 0, false, null, info.FullName);
        }

        var executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & AnyExecute) != 0;
        return new LocalEntry(
            path, EntryKind.File, ((FileInfo)info).Length, executable, null, info.FullName);
    }
}
