namespace Mist.Client.Install;

/// <summary>What <c>DIR/.mist/installed.json</c> records about the version in the folder.</summary>
public sealed record InstalledVersion(
    string Game,
    string Label,
    string? Branch,
    string ManifestHash,
    string Server,
    DateTimeOffset InstalledAt);
