namespace Mist.Delta.Tests.Trees;

/// <summary>A fact about symbolic links, modes or fifos, which Windows hosts skip.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute(bool linuxOnly = false)
    {
        if (linuxOnly ? !OperatingSystem.IsLinux() : OperatingSystem.IsWindows())
        {
            Skip = linuxOnly ? "Needs Linux." : "Needs a Unix file system.";
        }
    }
}
