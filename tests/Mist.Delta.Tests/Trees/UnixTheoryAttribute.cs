namespace Mist.Delta.Tests.Trees;

/// <summary>A theory about symbolic links, which Windows hosts skip.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs a Unix file system.";
        }
    }
}
