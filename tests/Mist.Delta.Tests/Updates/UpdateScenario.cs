using Mist.Delta.Blobs;
using Mist.Delta.Chunking;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;
using Mist.Delta.Updates;

namespace Mist.Delta.Tests.Updates;

/// <summary>
/// A base version installed in a temp folder and a target version beside it. Chunks are
/// small (about 4 KiB) so that test files of tens of KiB span several of them.
/// </summary>
public sealed class UpdateScenario : IDisposable
{
    private static readonly StreamChunker Chunker =
        new(new FastCdc(new ChunkerOptions(1024, 4096, 16384)));

    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "mist-updates-" + Guid.NewGuid().ToString("N"));

    public UpdateScenario()
    {
        Directory.CreateDirectory(Install);
        Directory.CreateDirectory(Target);
    }

    public string Install => Path.Combine(_root, "install");

    public string Target => Path.Combine(_root, "target");

    public string Staging => Path.Combine(_root, "staging");

    public MemoryBlobs Blobs { get; } = new();

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static void Write(string root, string path, byte[] bytes, bool executable = false)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Writes the same file into both versions.</summary>
    public void Both(string path, byte[] bytes)
    {
        Write(Install, path, bytes);
        Write(Target, path, bytes);
    }

    public static async Task<VersionManifest> ManifestAsync(string root)
    {
        var entries = new List<ManifestEntry>();
        foreach (var item in TreeWalker.Walk(root))
        {
            if (item.Kind != EntryKind.File)
            {
                entries.Add(new ManifestEntry(
                    item.Path, item.Kind, LinkTarget: item.LinkTarget));
                continue;
            }

            var chunks = new List<ChunkRef>();
            await using var stream = File.OpenRead(item.FullPath);
            await foreach (var chunk in Chunker.ReadChunksAsync(stream))
            {
                using (chunk)
                {
                    chunks.Add(new ChunkRef(chunk.Offset, chunk.Length, BlobCodec.Key(chunk.Span)));
                }
            }

            var hash = BlobCodec.Key(await File.ReadAllBytesAsync(item.FullPath));
            entries.Add(new ManifestEntry(
                item.Path, EntryKind.File, item.Size, hash, item.Executable, Chunks: chunks));
        }

        return VersionManifest.Create(entries);
    }

    /// <summary>Builds the patch from the installed folder to the target folder, and puts
    /// every target chunk in the blob store as the server would hold it.</summary>
    public async Task<(VersionManifest Base, VersionPatchBuildResult Result)> BuildAsync(
        VersionPatchBuildOptions? options = null)
    {
        var baseManifest = await ManifestAsync(Install);
        var targetManifest = await ManifestAsync(Target);
        foreach (var entry in targetManifest.Entries.Where(e => e.Kind == EntryKind.File))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Target, entry.Path));
            foreach (var chunk in entry.ChunkList)
            {
                Blobs.Add(chunk.Sha256, bytes.AsSpan((int)chunk.Offset, chunk.Length).ToArray());
            }
        }

        var builder = new VersionPatchBuilder(
            new FolderVersionFiles(Install), new FolderVersionFiles(Target), Blobs, options);
        var result = await builder.BuildAsync(baseManifest, targetManifest);
        return (baseManifest, result);
    }

    /// <summary>Builds, sends the patch through its stored form, and applies it.</summary>
    public async Task<VersionPatch> RoundTripAsync(VersionPatchBuildOptions? options = null)
    {
        var (baseManifest, result) = await BuildAsync(options);
        var patch = VersionPatchSerializer.Deserialize(result.Serialized);
        await new VersionPatchApplier(Blobs).ApplyAsync(Install, baseManifest, patch, Staging);
        return patch;
    }

    /// <summary>Everything a tree holds, file bytes included, to compare two trees.</summary>
    public static List<string> Snapshot(string root) =>
        [.. TreeWalker.Walk(root).Select(i =>
            $"{i.Path} {i.Kind} {i.Size} x={i.Executable} -> {i.LinkTarget} " +
            (i.Kind == EntryKind.File ? BlobCodec.Key(File.ReadAllBytes(i.FullPath)) : ""))];

    public void ShouldMatchTarget() => Snapshot(Install).ShouldBe(Snapshot(Target));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
