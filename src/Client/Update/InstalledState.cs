using Mist.Client.Install;
using Mist.Delta.Manifests;

namespace Mist.Client.Update;

/// <summary>The installed version with its manifest, both as bytes (whose hash names it) and
/// read.</summary>
internal sealed record InstalledState(
    InstalledVersion Version, byte[] ManifestBytes, VersionManifest Manifest);
