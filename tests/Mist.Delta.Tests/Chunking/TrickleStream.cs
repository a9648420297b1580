namespace Mist.Delta.Tests.Chunking;

/// <summary>A stream that returns at most a few bytes per read, like a slow socket.</summary>
internal sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) =>
        base.Read(buffer, offset, Math.Min(count, maxRead));

    public override int Read(Span<byte> buffer) =>
        base.Read(buffer[..Math.Min(buffer.Length, maxRead)]);

    public override ValueTask<int> ReadAsync(
        Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
}
