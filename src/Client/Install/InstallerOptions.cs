namespace Mist.Client.Install;

/// <summary>Tuning for <see cref="Installer"/>; the defaults suit a home connection.</summary>
public sealed record InstallerOptions
{
    /// <summary>Chunks downloaded at once.</summary>
    public int Parallelism { get; init; } = 6;

    /// <summary>Tries per chunk before the install gives up; each failure is reported.</summary>
    public int AttemptsPerChunk { get; init; } = 3;

    /// <summary>Keep the previous install's chunks as a source for the new version.</summary>
    public bool ReuseInstalledFiles { get; init; } = true;
}
