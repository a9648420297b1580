using System.Runtime.InteropServices;

namespace Mist.Delta.Trees;

/// <summary>
/// Tells a regular file from a fifo, socket or device. .NET reports all of them as plain
/// files, and opening a fifo to hash it would block forever, so on Linux we ask the kernel
/// with statx, whose record layout is the same on every architecture.
/// </summary>
internal static class UnixFileType
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 0x1C;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    private static bool _statxMissing;

    public static bool IsRegularFile(string fullPath)
    {
        // Other systems have no portable stat layout; there the ingestion's read of the file
        // is the check (a fifo would still block, which is the accepted cost off Linux).
        if (!OperatingSystem.IsLinux() || _statxMissing)
        {
            return true;
        }

        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _statxMissing = true;
            return true;
        }

        if (result != 0)
        {
            throw new IOException(
                $"statx failed with error {Marshal.GetLastPInvokeError()}.");
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (mode & TypeMask) == RegularFile;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(
        int dirFd,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        int flags,
        uint mask,
        [Out] byte[] buffer);
}
