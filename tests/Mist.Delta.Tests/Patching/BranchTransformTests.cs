using Mist.Delta.Transforms;

namespace Mist.Delta.Tests.Patching;

public sealed class BranchTransformTests
{
    [Fact]
    public void Decode_undoes_encode_when_a_rejected_call_overlaps_a_rewritten_one()
    {
        // E8 at 0 is rejected (its top byte 0x12 is out of range); the E8 at 2 would be
        // rewritten and change byte 4, which is the rejected call's top byte.
        byte[] original = [0xE8, 0x00, 0xE8, 0x34, 0x12, 0x00, 0x00, 0x90, 0x90, 0x90];
        var data = (byte[])original.Clone();

        BranchTransform.Encode(data, 0);
        BranchTransform.Decode(data, 0);

        data.ShouldBe(original);
    }

    [Fact]
    public void Decode_undoes_encode_on_call_dense_blocks()
    {
        var random = new Random(5);
        byte[] alphabet = [0xE8, 0x00, 0xFF, 0x42];
        for (var round = 0; round < 200; round++)
        {
            var original = new byte[random.Next(1, 400)];
            for (var i = 0; i < original.Length; i++)
            {
                original[i] = alphabet[random.Next(alphabet.Length)];
            }

            var data = (byte[])original.Clone();
            BranchTransform.Encode(data, round * 1000L);
            BranchTransform.Decode(data, round * 1000L);

            data.ShouldBe(original);
        }
    }

    [Fact]
    public void Moved_call_to_a_fixed_target_reads_the_same_after_encoding()
    {
        // A call at 0x100 and the same call at 0x180 both reach 0x1000.
        var first = Call(0x1000 - (0x100 + 5));
        var second = Call(0x1000 - (0x180 + 5));

        BranchTransform.Encode(first, 0x100);
        BranchTransform.Encode(second, 0x180);

        first.ShouldBe(second);
    }

    private static byte[] Call(int relative) =>
        [0xE8, .. BitConverter.GetBytes(relative)];
}
