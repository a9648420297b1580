using Mist.Delta.Hashing;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;

namespace Mist.Client.Tests.Support;

/// <summary>
/// A version made from a real folder the way the server would describe it: the manifest and
/// its chunks' bytes. Chunks are cut at a small fixed size so every test file has several.
/// </summary>
public sealed record TestBuild(
    VersionManifest Manifest, IReadOnlyDictionary<string, byte[]> Chunks)
{
    public const int ChunkSize = 5;

    public byte[] ManifestBytes => ManifestSerializer.Serialize(Manifest);

    public string ManifestHash => ManifestSerializer.Hash(ManifestBytes);

    public static TestBuild FromFolder(string root)
    {
        var chunks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var entries = TreeWalker.Walk(root).Select(item => Describe(item, chunks));
        return new TestBuild(VersionManifest.Create(entries), chunks);
    }

    private static ManifestEntry Describe(TreeItem item, Dictionary<string, byte[]> chunks)
    {
        if (item.Kind != EntryKind.File)
        {
            return new ManifestEntry(item.Path, item.Kind, LinkTarget: item.LinkTarget);
        }

        var content = File.ReadAllBytes(item.FullPath);
        var refs = new List<ChunkRef>();
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, content.Length - offset);
            var piece = content.AsSpan(offset, length).ToArray();
            var sha = Sha256Hex.Of(piece);
            chunks[sha] = piece;
            refs.Add(new ChunkRef(offset, piece.Length, sha));
        }

        return new ManifestEntry(
            item.Path, EntryKind.File, content.Length, Sha256Hex.Of(content), item.Executable,
            Chunks: refs);
    }
}
