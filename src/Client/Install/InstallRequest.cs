namespace Mist.Client.Install;

/// <summary>
/// What to install and where. Without <see cref="Label"/> the latest version published on
/// <see cref="Branch"/> is taken.
/// </summary>
public sealed record InstallRequest(
    string Game,
    string Directory,
    string? Label = null,
    string Branch = "main");
