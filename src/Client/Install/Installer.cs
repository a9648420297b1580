using Mist.Client.Http;
using Mist.Client.Reporting;
using Mist.Client.Update;
using Mist.Delta.Manifests;

namespace Mist.Client.Install;

/// <summary>
/// Installs a version of a game into a folder: resolve the version, fetch and check its
/// manifest, download the chunks it lacks (reusing the previous install's where it can),
/// assemble and check every file in a staging folder, then move it all into place and keep
/// the manifest in <c>DIR/.mist</c>. Interrupted at any point, running it again resumes.
/// </summary>
public sealed class Installer
{
    // A chunk that goes bad on disk between download and assembly is fetched again; a few
    // rounds cover that, and anything more means the disk itself is failing.
    private const int MaxRounds = 3;

    private readonly IContentSource _content;
    private readonly MistApiClient? _api;
    private readonly InstallerOptions _options;

    /// <summary>An installer that resolves versions and fetches content from the server.
    /// </summary>
    public Installer(MistApiClient api, InstallerOptions? options = null)
        : this((IContentSource)api, options)
    {
        _api = api;
    }

    /// <summary>An installer of versions already resolved (updates, repairs), fetching
    /// content from <paramref name="content"/>.</summary>
    public Installer(IContentSource content, InstallerOptions? options = null)
    {
        _content = content;
        _options = options ?? new InstallerOptions();
    }

    public async Task<InstallResult> InstallAsync(
        InstallRequest request, IProgressSink? progress, CancellationToken cancellationToken)
    {
        progress ??= SilentProgress.Instance;
        var layout = new InstallLayout(request.Directory);
        InstallFolder.EnsureUsable(layout);

        var record = new InstallRecord(layout);
        var installed = await record.ReadInstalledAsync(cancellationToken);
        EnsureSameGame(layout, installed, request.Game);

        var api = _api ?? throw new InvalidOperationException(
            "Resolving a version needs the server's API.");
        var version = await new VersionResolver(api).ResolveAsync(request, cancellationToken);
        using var folderLock = InstallFolder.AcquireLock(layout);

        // An update killed mid-swap is finished (or undone) before anything else looks at
        // the tree, so the install below starts from one whole version.
        if (await UpdateRecovery.RecoverAsync(layout, progress, cancellationToken) !=
            RecoveryOutcome.NothingToRecover)
        {
            installed = await record.ReadInstalledAsync(cancellationToken);
        }

        var hash = version.ManifestHash!;
        var sameVersion = installed?.ManifestHash == hash;
        if (sameVersion && !request.Repair)
        {
            return new InstallResult(request.Game, version.Label, hash, true, 0, 0, 0, 0, 0);
        }

        progress.Message($"{(sameVersion ? "Repairing" : "Installing")} {request.Game} " +
            $"{version.Label} in {layout.Root}.");
        var server = api.BaseAddress?.AbsoluteUri ?? "";
        var target = new InstallTarget(request.Game, version.Label, version.Branch, hash, server);
        return await InstallLockedAsync(layout, target, null, progress, cancellationToken);
    }

    /// <summary>
    /// Installs <paramref name="target"/> into a folder whose lock the caller holds, keeping
    /// every file already as the target wants it and fetching only the chunks still missing.
    /// </summary>
    /// <param name="intact">Target files the caller has just verified on disk, which are then
    /// not hashed again; null to check every file here.</param>
    /// <param name="knownManifest">The target's manifest bytes when the caller holds them
    /// already (a repair); checked against the hash all the same.</param>
    internal async Task<InstallResult> InstallLockedAsync(
        InstallLayout layout, InstallTarget target, IReadOnlySet<string>? intact,
        IProgressSink progress, CancellationToken cancellationToken,
        byte[]? knownManifest = null)
    {
        var hash = target.ManifestHash;
        var (manifestBytes, manifest) =
            knownManifest is not null && ManifestSerializer.Hash(knownManifest) == hash
                ? (knownManifest, ManifestSerializer.Deserialize(knownManifest))
                : await FetchManifestAsync(hash, cancellationToken);
        ManifestGuard.EnsureInstallable(manifest);

        var record = new InstallRecord(layout);
        var previous = await record.ReadInstalledAsync(cancellationToken) is null
            ? null
            : await ReadPreviousAsync(record, cancellationToken);
        var cache = InstallFolder.PrepareWorkFolders(layout, hash);

        var kept = intact is not null
            ? intact.ToHashSet(StringComparer.Ordinal)
            : await new FilesInPlace(layout, progress).FindAsync(manifest, cancellationToken);
        var staged = await StageAsync(
            layout, hash, manifest, previous, kept, cache, progress, cancellationToken);

        new TreePlacer(layout, hash, progress).Place(manifest, previous, kept);
        var installed = new InstalledVersion(
            target.Game, target.Label, target.Branch, hash, target.Server, DateTimeOffset.UtcNow);
        await record.WriteAsync(installed, manifestBytes, cancellationToken);

        InstallFolder.CleanUp(layout, cache);
        return new InstallResult(
            target.Game, target.Label, hash, false, staged.FilesWritten,
            staged.ChunksDownloaded, staged.BytesDownloaded, staged.ChunksReused, kept.Count,
            staged.BytesWritten);
    }

    private static void EnsureSameGame(
        InstallLayout layout, InstalledVersion? installed, string game)
    {
        if (installed is not null && installed.Game != game)
        {
            throw new InstallException(
                $"{layout.Root} holds {installed.Game} {installed.Label}, not {game}; " +
                "choose another folder.");
        }
    }

    /// <summary>Fetches a manifest and checks that its bytes hash to the name asked for.</summary>
    public async Task<(byte[] Bytes, VersionManifest Manifest)> FetchManifestAsync(
        string manifestHash, CancellationToken cancellationToken)
    {
        var bytes = await _content.GetManifestBytesAsync(manifestHash, cancellationToken);
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
        var downloader = new ChunkDownloader(_content, cache, _options, progress);
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
            outcome.BytesWritten += plan.FilesToAssemble
                .Where(f => File.Exists(layout.InStaging(hash, f.Path)))
                .Sum(f => f.Size);
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

        public long BytesWritten { get; set; }

        public int ChunksReused { get; set; }
    }
}
