using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Reporting;
using Mist.Client.Update;
using Mist.Client.Verify;
using Mist.Delta.Blobs;
using Mist.Delta.Chunking;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;
using Mist.Delta.Updates;

namespace Mist.Client.Tests.Support;

/// <summary>
/// Versions of a game as real folders, published into a <see cref="FolderServer"/> with real
/// manifests, chunks and version patches, and an install folder that the client updates.
/// Chunks are small (about 4 KiB) so test files of tens of KiB span several.
/// </summary>
public sealed class UpdateScenario : IDisposable
{
    public const string Game = "game";

    private static readonly StreamChunker Chunker =
        new(new FastCdc(new ChunkerOptions(1024, 4096, 16384)));

    private readonly TempFolder _root = new();
    private readonly Dictionary<string, (byte[] Bytes, string Hash)> _manifests = [];
    private readonly Dictionary<(string, string), string> _patches = [];

    public UpdateScenario()
    {
        Server = new FolderServer(_root["server"]);
    }

    public FolderServer Server { get; }

    public string Install => _root["install"];

    public InstallLayout Layout => new(Install);

    public string Folder(string label) => _root[$"versions/{label}"];

    public string ManifestHash(string label) => _manifests[label].Hash;

    public string PatchHash(string from, string to) => _patches[(from, to)];

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Write(string label, string path, byte[] bytes, bool executable = false)
    {
        var full = Path.Combine(Folder(label), path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Starts version <paramref name="label"/> as a copy of another's folder.</summary>
    public void CopyVersion(string from, string label)
    {
        foreach (var item in TreeWalker.Walk(Folder(from)))
        {
            var to = Path.Combine(Folder(label), item.Path);
            switch (item.Kind)
            {
                case EntryKind.Directory:
                    Directory.CreateDirectory(to);
                    break;
                case EntryKind.Symlink:
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.CreateSymbolicLink(to, item.LinkTarget!);
                    break;
                default:
                    Write(label, item.Path, File.ReadAllBytes(item.FullPath), item.Executable);
                    break;
            }
        }
    }

    /// <summary>Stores the version's manifest and every chunk as the server would.</summary>
    public async Task PublishAsync(string label)
    {
        var manifest = await ManifestAsync(Folder(label));
        var bytes = ManifestSerializer.Serialize(manifest);
        var hash = ManifestSerializer.Hash(bytes);
        Server.PutManifest(hash, bytes);
        foreach (var entry in manifest.Entries.Where(e => e.Kind == EntryKind.File))
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(Folder(label), entry.Path));
            foreach (var chunk in entry.ChunkList)
            {
                Server.PutBlob(content.AsSpan((int)chunk.Offset, chunk.Length).ToArray());
            }
        }

        _manifests[label] = (bytes, hash);
    }

    /// <summary>Builds the version patch between two published versions, stores its payloads
    /// and the patch itself as blobs.</summary>
    public async Task<VersionPatch> BuildPatchAsync(string from, string to)
    {
        var builder = new VersionPatchBuilder(
            new FolderVersionFiles(Folder(from)), new FolderVersionFiles(Folder(to)), Server);
        var result = await builder.BuildAsync(Manifest(from), Manifest(to));
        _patches[(from, to)] = Server.PutBlob(result.Serialized);
        return result.Patch;
    }

    public VersionManifest Manifest(string label) =>
        ManifestSerializer.Deserialize(_manifests[label].Bytes);

    /// <summary>The server plans the chain of patches through <paramref name="labels"/> from
    /// wherever the client is on it.</summary>
    public void PlanChain(params string[] labels)
    {
        Server.Plan = (from, _) =>
        {
            var at = Array.IndexOf(labels, from);
            var target = labels[^1];
            if (from == target)
            {
                return Plan(UpdatePlanKind.UpToDate, from, target, []);
            }

            var steps = labels[at..].Zip(labels[(at + 1)..])
                .Select(p => new PlannedPatch(p.First, p.Second, PatchHash(p.First, p.Second),
                    0, 0, 0))
                .ToList();
            return Plan(UpdatePlanKind.PatchChain, from, target, steps);
        };
    }

    public void PlanChunks(string target) =>
        Server.Plan = (from, _) => Plan(
            from == target ? UpdatePlanKind.UpToDate : UpdatePlanKind.Chunks, from, target, []);

    /// <summary>Installs <paramref name="label"/> by chunks, as <c>mist install</c> does.
    /// </summary>
    public async Task InstallAsync(string label)
    {
        var layout = Layout;
        using var folderLock = InstallFolder.AcquireLock(layout);
        var target = new InstallTarget(Game, label, "main", ManifestHash(label), "http://test/");
        await new Installer(Server).InstallLockedAsync(
            layout, target, null, SilentProgress.Instance, CancellationToken.None);
    }

    /// <summary>Empties the install folder and installs <paramref name="label"/> afresh.
    /// </summary>
    public async Task ReinstallAsync(string label)
    {
        if (Directory.Exists(Install))
        {
            Directory.Delete(Install, recursive: true);
        }

        await InstallAsync(label);
    }

    public Task<UpdateResult> UpdateAsync(Action? beforeSwapChange = null, string? to = null) =>
        new Updater(Server) { BeforeSwapChange = beforeSwapChange }
            .UpdateAsync(new UpdateRequest(Install, to), null, CancellationToken.None);

    public async Task<InstalledVersion> InstalledAsync() =>
        (await new InstallRecord(Layout).ReadAsync(CancellationToken.None)).Installed;

    /// <summary>The label installed.json names, without checking the kept manifest.</summary>
    public string? RecordedLabel() =>
        new InstallRecord(Layout).ReadInstalledAsync(CancellationToken.None).Result?.Label;

    /// <summary>Everything a tree holds, Mist's folder left out, file bytes by hash.</summary>
    public static List<string> Snapshot(string root) =>
        [.. LocalTree.List(root).Values
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .Select(e => $"{e.Path} {e.Kind} {e.Size} x={e.Executable} -> {e.LinkTarget} " +
                (e.Kind == EntryKind.File ? Sha256Hex.Of(File.ReadAllBytes(e.FullPath)) : ""))];

    public void ShouldHold(string label) => Snapshot(Install).ShouldBe(Snapshot(Folder(label)));

    public void Dispose() => _root.Dispose();

    private UpdatePlanResponse Plan(
        UpdatePlanKind kind, string from, string target, IReadOnlyList<PlannedPatch> patches) =>
        new(kind, from, target, ManifestHash(target), patches, [], 0, 0, 0);

    private static async Task<VersionManifest> ManifestAsync(string root)
    {
        var entries = new List<ManifestEntry>();
        foreach (var item in TreeWalker.Walk(root))
        {
            if (item.Kind != EntryKind.File)
            {
                entries.Add(new ManifestEntry(item.Path, item.Kind, LinkTarget: item.LinkTarget));
                continue;
            }

            var chunks = new List<ChunkRef>();
            await using (var stream = File.OpenRead(item.FullPath))
            {
                await foreach (var chunk in Chunker.ReadChunksAsync(stream))
                {
                    using (chunk)
                    {
                        chunks.Add(new ChunkRef(
                            chunk.Offset, chunk.Length, BlobCodec.Key(chunk.Span)));
                    }
                }
            }

            var hash = Sha256Hex.Of(await File.ReadAllBytesAsync(item.FullPath));
            entries.Add(new ManifestEntry(
                item.Path, EntryKind.File, item.Size, hash, item.Executable, Chunks: chunks));
        }

        return VersionManifest.Create(entries);
    }
}
