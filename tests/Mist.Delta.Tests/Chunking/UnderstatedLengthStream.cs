namespace Mist.Delta.Tests.Chunking;

/// <summary>A file that grows after its length was read: it says it is short, then gives all
/// of its bytes.</summary>
internal sealed class UnderstatedLengthStream(byte[] data) : MemoryStream(data)
{
    public override long Length => 10;
}
