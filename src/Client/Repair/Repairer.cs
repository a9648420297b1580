using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Client.Update;
using Mist.Client.Verify;
using Mist.Delta.Manifests;

namespace Mist.Client.Repair;

/// <summary>
/// Puts an install back to exactly its version: finishes an interrupted update first, then
/// verifies every entry against the kept manifest and rebuilds only what fails, through the
/// installer's path that keeps every file already right and downloads only chunks that no
/// intact file holds. Entries the version does not know of are left alone.
/// </summary>
public sealed class Repairer(IContentSource content, InstallerOptions? options = null)
{
    public async Task<RepairResult> RepairAsync(
        string directory, IProgressSink? progress, CancellationToken cancellationToken)
    {
        progress ??= SilentProgress.Instance;
        var layout = new InstallLayout(directory);
        if (!layout.IsMistInstall)
        {
            throw new InstallException($"{layout.Root} is not a Mist install.");
        }

        using var folderLock = InstallFolder.AcquireLock(layout);
        var recovery = await UpdateRecovery.RecoverAsync(layout, progress, cancellationToken);
        var record = new InstallRecord(layout);
        var installed = await record.ReadInstalledAsync(cancellationToken)
            ?? throw new InstallException($"{layout.Root} holds no finished Mist install.");
        var installer = new Installer(content, options);
        var (manifestBytes, restored) = await KeptManifestAsync(
            layout, installer, installed, cancellationToken);
        var manifest = ManifestSerializer.Deserialize(manifestBytes);

        var differences = await new TreeVerifier()
            .VerifyAsync(layout.Root, manifest, progress, cancellationToken);
        var broken = differences.Where(d => d.Kind != DifferenceKind.Extra).ToList();
        var extra = differences.Where(d => d.Kind == DifferenceKind.Extra).ToList();
        if (broken.Count == 0 && !restored)
        {
            return new RepairResult(
                installed.Game, installed.Label, recovery, [], extra, false, 0, 0);
        }

        var brokenPaths = broken.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var intact = manifest.Entries
            .Where(e => e.Kind == EntryKind.File && !brokenPaths.Contains(e.Path))
            .Select(e => e.Path)
            .ToHashSet(StringComparer.Ordinal);
        var target = new InstallTarget(
            installed.Game, installed.Label, installed.Branch, installed.ManifestHash,
            installed.Server);
        var done = await installer.InstallLockedAsync(
            layout, target, intact, progress, cancellationToken, manifestBytes);
        return new RepairResult(
            installed.Game, installed.Label, recovery, broken, extra, restored,
            done.BytesDownloaded, done.BytesWritten);
    }

    // A kept manifest that is missing or no longer hashes to the record is fetched again by
    // the recorded hash, and checked against it, so the repair still knows the truth.
    private static async Task<(byte[] Bytes, bool Restored)> KeptManifestAsync(
        InstallLayout layout, Installer installer, InstalledVersion installed,
        CancellationToken cancellationToken)
    {
        if (File.Exists(layout.ManifestPath))
        {
            var bytes = await File.ReadAllBytesAsync(layout.ManifestPath, cancellationToken);
            if (ManifestSerializer.Hash(bytes) == installed.ManifestHash)
            {
                return (bytes, false);
            }
        }

        var (fetched, _) = await installer.FetchManifestAsync(
            installed.ManifestHash, cancellationToken);
        return (fetched, true);
    }
}
