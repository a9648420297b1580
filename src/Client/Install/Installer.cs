using Mist.Client.Http;
using Mist.Client.Reporting;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Installs a version of a game into a folder: resolve the version, fetch and check its
/// manifest, download the chunks it lacks (reusing the previous install's where it can),
/// assemble and check every file in a staging folder, then move it all into place and keep
/// the manifest in <c>DIR/.mist</c>. Interrupted at any point, running it again resumes.
/// </summary>
public sealed class Installer(MistApiClient api, InstallerOptions? options = null)
{
    // A chunk that goes bad on disk between download and assembly is fetched again; a few
    // rounds cover that, and anything more means the disk itself is failing.
    private const int MaxRounds = 3;

    private readonly InstallerOptions _options = options ?? new InstallerOptions();

    public async Task<InstallResult> InstallAsync(
        InstallRequest request, IProgressSink? progress, CancellationToken cancellationToken)
    {
        progress ??= SilentProgress.Instance;
        var layout = new InstallLayout(request.Directory);
        InstallFolder.EnsureUsable(layout);

        var record = new InstallRecord(layout);
        var installed = await record.ReadInstalledAsync(cancellationToken);
        if (installed is not null && installed.Game != request.Game)
        {
            throw new InstallException(
                $"{layout.Root} holds {installed.Game} {installed.Label}, not {request.Game}; " +
                "choose another folder.");
        }

        var version = await new VersionResolver(api).ResolveAsync(request, cancellationToken);
        var hash = version.ManifestHash!;
        var sameVersion = installed?.ManifestHash == hash;
        if (sameVersion && !request.Repair)
        {
            return new InstallResult(request.Game, version.Label, hash, true, 0, 0, 0, 0, 0);
        }

        progress.Message($"{(sameVersion ? "Repairing" : "Installing")} {request.Game} " +
            $"{version.Label} in {layout.Root}.");
        var (manifestBytes, manifest) = await FetchManifestAsync(hash, cancellationToken);
        ManifestGuard.EnsureInstallable(manifest);

        using var folderLock = InstallFolder.AcquireLock(layout);
        var previous = installed is null
            ? null
            : await ReadPreviousAsync(record, cancellationToken);
        var cache = InstallFolder.PrepareWorkFolders(layout, hash);

        var kept = await new FilesInPlace(layout, progress).FindAsync(manifest, cancellationToken);
        var staged = await StageAsync(
            layout, hash, manifest, previous, kept, cache, progress, cancellationToken);

        new TreePlacer(layout, hash, progress).Place(manifest, previous, kept);
        var now = DateTimeOffset.UtcNow;
        var server = api.BaseAddress?.AbsoluteUri ?? "";
        await record.WriteAsync(
            new InstalledVersion(request.Game, version.Label, version.Branch, hash, server, now),
            manifestBytes, cancellationToken);

        InstallFolder.CleanUp(layout, cache);
        return new InstallResult(
            request.Game, version.Label, hash, false, staged.FilesWritten,
            staged.ChunksDownloaded, staged.BytesDownloaded, staged.ChunksReused, kept.Count);
    }

    /// <summary>Fetches a manifest and checks that its bytes hash to the name asked for.</summary>
    public async Task<(byte[] Bytes, VersionManifest Manifest)> FetchManifestAsync(
        string manifestHash, CancellationToken cancellationToken)
    {
        var bytes = await api.GetManifestBytesAsync(manifestHash, cancellationToken);
        var actual = ManifestSerializer.Hash(bytes);
        if (actual != manifestHash)
        {
            throw new InvalidDataException(
                $"The server sent a manifest with hash {actual} when asked for {manifestHash}.");
        }

        return (bytes, ManifestSerializer.Deserialize(bytes));
    }

    private async Task<StagingOutcome> StageAsync(
        InstallLayout layout, string hash, VersionManifest manifest, VersionManifest? previous,
        HashSet<string> kept, ChunkCache cache, IProgressSink progress,
        CancellationToken cancellationToken)
    {
        var downloader = new ChunkDownloader(api, cache, _options, progress);
        var assembler = new FileAssembler(layout, hash, cache, progress);
        var outcome = new StagingOutcome();
        bool IsDone(ManifestEntry e) =>
            kept.Contains(e.Path) || File.Exists(layout.InStaging(hash, e.Path));

        for (var round = 1; ; round++)
        {
            var plan = FetchPlanner.Plan(manifest, IsDone, cache.Contains);
            if (round == 1 && previous is not null && _options.ReuseInstalledFiles)
            {
                outcome.ChunksReused = await new ChunkReuse(layout, cache, progress)
                    .SeedAsync(previous, plan.ChunksToFetch, cancellationToken);
                plan = FetchPlanner.Plan(manifest, IsDone, cache.Contains);
            }

            outcome.BytesDownloaded +=
                await downloader.DownloadAsync(plan.ChunksToFetch, cancellationToken);
            outcome.ChunksDownloaded += plan.ChunksToFetch.Count;
            var failed = await assembler.AssembleAsync(plan.FilesToAssemble, cancellationToken);
            outcome.FilesWritten += plan.FilesToAssemble.Count - failed;
            if (failed == 0)
            {
                return outcome;
            }

            if (round == MaxRounds)
            {
                throw new InstallException(
                    $"{failed} files kept failing their checks after {MaxRounds} downloads; " +
                    $"check the disk holding {layout.Root}.");
            }

            progress.Message($"{failed} files had damaged cached chunks; fetching those again.");
        }
    }

    private static async Task<VersionManifest?> ReadPreviousAsync(
        InstallRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return (await record.ReadAsync(cancellationToken)).Manifest;
        }
        catch (Exception e) when (e is InstallException or InvalidDataException)
        {
            // Without a trustworthy previous manifest nothing is reused or removed; the new
            // version is still installed whole and checked.
            return null;
        }
    }

    private sealed class StagingOutcome
    {
        public int FilesWritten { get; set; }

        public int ChunksDownloaded { get; set; }

        public long BytesDownloaded { get; set; }

        public int ChunksReused { get; set; }
    }
}
