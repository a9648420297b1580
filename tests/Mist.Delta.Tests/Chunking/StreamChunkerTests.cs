using Mist.Delta.Chunking;

namespace Mist.Delta.Tests.Chunking;

public sealed class StreamChunkerTests
{
    private static readonly FastCdc Small = new(new ChunkerOptions(1024, 4096, 16384));

    [Fact]
    public async Task Stream_gives_the_same_chunks_as_the_whole_buffer_whatever_the_read_size()
    {
        var data = TestData.Random(300_000, seed: 9);

        var chunks = await ReadAllAsync(new TrickleStream(data, maxRead: 777));

        chunks.Select(c => c.Length).ShouldBe(FastCdcTests.Cuts(Small, data));
        foreach (var chunk in chunks)
        {
            chunk.Bytes.ShouldBe(data.AsSpan((int)chunk.Offset, chunk.Length).ToArray());
        }

        chunks.Sum(c => c.Length).ShouldBe(data.Length);
    }

    [Fact]
    public async Task Stream_longer_than_its_stated_length_is_chunked_whole()
    {
        var data = TestData.Random(100_000, seed: 10);

        var chunks = await ReadAllAsync(new UnderstatedLengthStream(data));

        chunks.Select(c => c.Length).ShouldBe(FastCdcTests.Cuts(Small, data));
    }

    [Fact]
    public async Task Empty_stream_gives_no_chunks()
    {
        (await ReadAllAsync(new MemoryStream())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Tiny_stream_gives_one_chunk()
    {
        var chunks = await ReadAllAsync(new MemoryStream([1, 2, 3]));

        chunks.ShouldHaveSingleItem().Bytes.ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Disposed_chunk_refuses_access()
    {
        var chunker = new StreamChunker(Small);
        await foreach (var chunk in chunker.ReadChunksAsync(new MemoryStream([1])))
        {
            chunk.Dispose();
            Should.Throw<ObjectDisposedException>(() => chunk.Span.Length);
        }
    }

    private static async Task<List<(long Offset, int Length, byte[] Bytes)>> ReadAllAsync(
        Stream stream)
    {
        var chunks = new List<(long, int, byte[])>();
        await foreach (var chunk in new StreamChunker(Small).ReadChunksAsync(stream))
        {
            using (chunk)
            {
                chunks.Add((chunk.Offset, chunk.Length, chunk.Span.ToArray()));
            }
        }

        return chunks;
    }
}
