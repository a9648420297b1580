namespace Mist.Client.Install;

/// <summary>
/// What to install and where. Without <see cref="Label"/> the latest version published on
/// <see cref="Branch"/> is taken. With <see cref="Repair"/>, a folder that already holds the
/// version is rebuilt from it (only chunks that no longer match are downloaded).
/// </summary>
public sealed record InstallRequest(
    string Game,
    string Directory,
    string? Label = null,
    string Branch = "main",
    bool Repair = false);
