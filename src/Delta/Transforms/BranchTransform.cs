using System.Buffers.Binary;

namespace Mist.Delta.Transforms;

/// <summary>
/// The x86 call transform (the E8 filter of BCJ): rewrites the 32-bit relative operand of each
/// CALL into an absolute target, so that code which moved but calls the same functions reads
/// the same in base and target. Only operands within ±16 MiB are rewritten, and they stay
/// within that range, so the inverse recognises exactly the same instructions.
/// </summary>
/// <remarks>
/// The transform is applied independently to each aligned block of <see cref="BlockSize"/>
/// bytes, with the state reset at every block start and no operand crossing a block end. That
/// makes any block computable on its own, which random access to the base needs.
/// </remarks>
public static class BranchTransform
{
    /// <summary>Size of the independently transformed blocks; block starts are multiples.</summary>
    public const int BlockSize = 1 << 16;

    private const uint Mask25 = (1u << 25) - 1;

    /// <summary>
    /// Transforms one block in place; <paramref name="offset"/> is its file offset.
    /// </summary>
    public static void Encode(Span<byte> block, long offset) => Apply(block, offset, true);

    /// <summary>Undoes <see cref="Encode"/> on one block in place.</summary>
    public static void Decode(Span<byte> block, long offset) => Apply(block, offset, false);

    /// <summary>
    /// Transforms a run of whole blocks that starts at a block boundary; the last block may be
    /// short only if it is the end of the file.
    /// </summary>
    public static void EncodeBlocks(Span<byte> data, long offset)
    {
        for (var start = 0; start < data.Length; start += BlockSize)
        {
            var length = Math.Min(BlockSize, data.Length - start);
            Encode(data.Slice(start, length), offset + start);
        }
    }

    /// <summary>Whether the data starts like an executable image (ELF or PE).</summary>
    public static bool LooksExecutable(ReadOnlySpan<byte> head) =>
        (head.Length >= 4 && head[0] == 0x7F && head[1] == (byte)'E' && head[2] == (byte)'L'
            && head[3] == (byte)'F')
        || (head.Length >= 2 && head[0] == (byte)'M' && head[1] == (byte)'Z');

    // One loop for both directions: the predicate (operand within ±16 MiB) holds before and
    // after rewriting, so encoder and decoder skip the same bytes.
    private static void Apply(Span<byte> block, long offset, bool encode)
    {
        var last = block.Length - 5;
        var i = 0;
        while (i <= last)
        {
            var at = block[i..].IndexOf((byte)0xE8);
            if (at < 0 || i + at > last)
            {
                return;
            }

            i += at;
            var top = block[i + 4];
            if (top is 0x00 or 0xFF)
            {
                var operand = block.Slice(i + 1, 4);
                var value = BinaryPrimitives.ReadUInt32LittleEndian(operand);
                var position = (uint)(offset + i + 5);
                var moved = encode ? value + position : value - position;

                // Sign-extend from bit 24 so the top byte is again 0x00 or 0xFF.
                var result = (uint)(((int)((moved & Mask25) << 7)) >> 7);
                BinaryPrimitives.WriteUInt32LittleEndian(operand, result);
            }

            // Skip the operand even when it was left alone: a rewrite of a later operand that
            // overlapped this one could change this one's test, and the decoder would then
            // disagree with the encoder about which operands were rewritten.
            i += 5;
        }
    }
}
