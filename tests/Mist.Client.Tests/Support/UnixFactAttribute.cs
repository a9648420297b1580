namespace Mist.Client.Tests.Support;

/// <summary>A fact about symbolic links or file modes, which Windows hosts skip.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Needs a Unix file system.";
        }
    }
}
