using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Mist.Delta.Transforms;

namespace Mist.Delta.Patching.IO;

/// <summary>
/// The decoder's only way to the output: refuses to pass the declared target size, undoes the
/// branch transform block by block, and hashes what it writes so the result can be checked.
/// </summary>
internal sealed class TargetWriter(Stream output, long targetSize, bool transform) : IDisposable
{
    private readonly byte[] _block = new byte[BranchTransform.BlockSize];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _filled;
    private long _flushed;

    public long Written => _flushed + _filled;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length > targetSize - Written)
        {
            throw new PatchFormatException(
                $"The patch produces more than the declared target size of {targetSize} bytes.");
        }

        while (!data.IsEmpty)
        {
            var count = Math.Min(data.Length, _block.Length - _filled);
            data[..count].CopyTo(_block.AsSpan(_filled));
            _filled += count;
            data = data[count..];
            if (_filled == _block.Length)
            {
                FlushBlock();
            }
        }
    }

    /// <summary>Writes what is buffered and checks the size and hash of the whole result.</summary>
    public void Complete(ReadOnlySpan<byte> expectedSha256)
    {
        FlushBlock();
        if (_flushed != targetSize)
        {
            throw new PatchFormatException(
                $"The patch produced {_flushed} bytes, not the declared {targetSize}.");
        }

        Span<byte> actual = stackalloc byte[32];
        _hash.GetHashAndReset(actual);
        if (!actual.SequenceEqual(expectedSha256))
        {
            throw new PatchFormatException(
                "The result does not hash to the declared target SHA-256; the patch is corrupt.");
        }
    }

    public void Dispose() => _hash.Dispose();

    private void FlushBlock()
    {
        if (_filled == 0)
        {
            return;
        }

        var block = _block.AsSpan(0, _filled);
        if (transform)
        {
            BranchTransform.Decode(block, _flushed);
        }

        _hash.AppendData(block);
        output.Write(block);
        _flushed += _filled;
        _filled = 0;
    }
}
