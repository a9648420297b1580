using Mist.Client.Install;
using Mist.Client.Tests.Support;
using Mist.Delta.Hashing;
using Mist.Delta.Manifests;

namespace Mist.Client.Tests.Install;

public sealed class ChunkCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Stored_chunk_reads_back_verified()
    {
        var cache = new ChunkCache(_folder["chunks"]);
        var data = TempFolder.Bytes("chunk bytes");
        var chunk = new ChunkRef(0, data.Length, Sha256Hex.Of(data));

        await cache.StoreAsync(chunk.Sha256, data, CancellationToken.None);

        cache.Contains(chunk.Sha256).ShouldBeTrue();
        (await cache.ReadVerifiedAsync(chunk, CancellationToken.None)).ShouldBe(data);
        Directory.GetFiles(_folder["chunks"]).ShouldHaveSingleItem()
            .ShouldEndWith(chunk.Sha256);
    }

    [Fact]
    public async Task Damaged_chunk_is_dropped_so_it_is_fetched_again()
    {
        var cache = new ChunkCache(_folder["chunks"]);
        var data = TempFolder.Bytes("chunk bytes");
        var chunk = new ChunkRef(0, data.Length, Sha256Hex.Of(data));
        await cache.StoreAsync(chunk.Sha256, data, CancellationToken.None);
        File.WriteAllBytes(cache.PathOf(chunk.Sha256), TempFolder.Bytes("chunk bytez"));

        var read = await cache.ReadVerifiedAsync(chunk, CancellationToken.None);

        read.ShouldBeNull();
        cache.Contains(chunk.Sha256).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("abc")]
    public void Name_that_is_not_a_hash_never_becomes_a_path(string name)
    {
        var cache = new ChunkCache(_folder["chunks"]);

        Should.Throw<InvalidDataException>(() => cache.PathOf(name));
    }
}
