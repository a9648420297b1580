using System.Text;
using Mist.Delta.Blobs;
using Mist.Delta.Hashing;

namespace Mist.Delta.Tests.Blobs;

public sealed class BlobCodecTests
{
    private static readonly byte[] Text =
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("mist game build ", 4096)));

    [Theory]
    [InlineData(1)]
    [InlineData(BlobCodec.DefaultLevel)]
    [InlineData(19)]
    public void Round_trips_at_any_level(int level)
    {
        var blob = BlobCodec.Compress(Text, level);

        blob.Length.ShouldBeLessThan(Text.Length / 10);
        BlobCodec.Decompress(blob, Text.Length).ShouldBe(Text);
    }

    [Fact]
    public void Key_is_the_lower_case_sha256_of_the_uncompressed_bytes()
    {
        var key = BlobCodec.Key(Encoding.ASCII.GetBytes("abc"));

        key.ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Sha256Hex.IsValid(key).ShouldBeTrue();
    }

    [Fact]
    public void Empty_payload_round_trips()
    {
        var blob = BlobCodec.Compress([]);

        BlobCodec.Decompress(blob, 0).ShouldBeEmpty();
    }

    [Fact]
    public void Blob_larger_than_expected_is_refused()
    {
        var blob = BlobCodec.Compress(Text);

        Should.Throw<InvalidDataException>(() => BlobCodec.Decompress(blob, Text.Length - 1));
    }

    [Fact]
    public void Blob_shorter_than_expected_is_refused()
    {
        var blob = BlobCodec.Compress(Text);

        Should.Throw<InvalidDataException>(() => BlobCodec.Decompress(blob, Text.Length + 1));
    }

    [Fact]
    public void Garbage_is_refused_and_the_next_blob_still_unpacks()
    {
        var blob = BlobCodec.Compress(Text);
        var broken = blob.ToArray();
        broken[^4] ^= 0xFF;
        broken[blob.Length / 2] ^= 0xFF;

        Should.Throw<InvalidDataException>(() => BlobCodec.Decompress(broken, Text.Length));
        Should.Throw<InvalidDataException>(() => BlobCodec.Decompress("nope"u8, 10));
        BlobCodec.Decompress(blob, Text.Length).ShouldBe(Text);
    }

    [Fact]
    public void Verified_unpack_refuses_content_that_does_not_match_its_key()
    {
        var blob = BlobCodec.Compress(Text);
        var otherKey = BlobCodec.Key("something else"u8);

        BlobCodec.DecompressVerified(blob, Text.Length, BlobCodec.Key(Text)).ShouldBe(Text);
        Should.Throw<InvalidDataException>(
            () => BlobCodec.DecompressVerified(blob, Text.Length, otherKey));
    }
}
