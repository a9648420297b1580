using System.Text.Json;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Reads and writes what an install keeps beside itself: the manifest bytes exactly as the
/// server sent them (so their hash still matches) and <see cref="InstalledVersion"/>.
/// </summary>
public sealed class InstallRecord(InstallLayout layout)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    /// <returns>The installed version, or null when the folder holds no finished install.</returns>
    public async Task<InstalledVersion?> ReadInstalledAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.InstalledPath))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(layout.InstalledPath, cancellationToken);
            var installed = JsonSerializer.Deserialize<InstalledVersion>(bytes, Json)
                ?? throw new JsonException("empty document");
            return MissingField(installed) is { } field
                ? throw new JsonException($"no {field}")
                : installed;
        }
        catch (JsonException e)
        {
            throw new InstallException(
                $"{layout.InstalledPath} is damaged ({e.Message}); install again to repair it.",
                e);
        }
    }

    // The serializer leaves absent members null whatever their declared type; every later
    // step (URLs, hash checks) needs these, so a record without one is damaged.
    private static string? MissingField(InstalledVersion installed) =>
        string.IsNullOrEmpty(installed.Game) ? "game"
        : string.IsNullOrEmpty(installed.Label) ? "label"
        : string.IsNullOrEmpty(installed.ManifestHash) ? "manifestHash"
        : null;

    /// <summary>
    /// The kept manifest, checked against the hash recorded at install time, so a damaged or
    /// edited manifest is never taken as the truth about the tree.
    /// </summary>
    public async Task<(InstalledVersion Installed, VersionManifest Manifest)> ReadAsync(
        CancellationToken cancellationToken)
    {
        var installed = await ReadInstalledAsync(cancellationToken)
            ?? throw new InstallException(
                $"{layout.Root} holds no finished Mist install (no {layout.InstalledPath}).");

        if (!File.Exists(layout.ManifestPath))
        {
            throw new InstallException(
                $"{layout.ManifestPath} is missing; 'mist repair --dir {layout.Root}' " +
                "fetches it again.");
        }

        var bytes = await File.ReadAllBytesAsync(layout.ManifestPath, cancellationToken);
        var hash = ManifestSerializer.Hash(bytes);
        if (hash != installed.ManifestHash)
        {
            throw new InstallException(
                $"{layout.ManifestPath} has hash {hash}, not {installed.ManifestHash} as " +
                $"recorded at install time; 'mist repair --dir {layout.Root}' fetches it again.");
        }

        return (installed, ManifestSerializer.Deserialize(bytes));
    }

    /// <summary>Records a finished install: the manifest, then the record naming it.</summary>
    public async Task WriteAsync(
        InstalledVersion installed, byte[] manifestBytes, CancellationToken cancellationToken)
    {
        await WriteManifestAsync(manifestBytes, cancellationToken);
        await WriteInstalledAsync(installed, cancellationToken);
    }

    internal async Task WriteManifestAsync(
        byte[] manifestBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.MistDir);
        await AtomicFile.WriteAllBytesAsync(layout.ManifestPath, manifestBytes, cancellationToken);
    }

    internal async Task WriteInstalledAsync(
        InstalledVersion installed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.MistDir);
        var record = JsonSerializer.SerializeToUtf8Bytes(installed, Json);
        await AtomicFile.WriteAllBytesAsync(layout.InstalledPath, record, cancellationToken);
    }
}
