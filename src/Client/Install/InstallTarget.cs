namespace Mist.Client.Install;

/// <summary>A resolved version to install: what the install record will name, and the
/// manifest whose files it places.</summary>
public sealed record InstallTarget(
    string Game,
    string Label,
    string? Branch,
    string ManifestHash,
    string Server);
