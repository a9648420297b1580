using System.Security.Cryptography;
using Mist.Delta.Patching.Fast;
using Mist.Delta.Patching.IO;
using Mist.Delta.Patching.Small;
using Mist.Delta.Transforms;
using ZstdSharp;

namespace Mist.Delta.Patching;

/// <summary>
/// Applies patches made by <see cref="DeltaEncoder"/>. The base is read by random access, the
/// target written strictly in order, and memory stays bounded (a few buffers for small patches;
/// one base window for fast ones). Anything wrong surfaces as <see cref="PatchFormatException"/>.
/// </summary>
/// <remarks>
/// Output is written as it is produced and only checked against the target hash at the end,
/// so on failure the caller must discard what was written (the CLI writes beside the target
/// and renames on success).
/// </remarks>
public static class DeltaDecoder
{
    /// <summary>Applies a patch from files; the target is written to a new file.</summary>
    public static void Apply(string basePath, string patchPath, string targetPath)
    {
        using var baseStream = RandomAccessSource.OpenFile(basePath);
        using var patch = RandomAccessSource.OpenFile(patchPath);
        using var target = new FileStream(
            targetPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Apply(baseStream, patch, target);
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="baseStream"/>, writing the result to
    /// <paramref name="target"/>. Base and patch must be seekable.
    /// </summary>
    /// <param name="baseStream">The base, seekable.</param>
    /// <param name="patch">The patch, seekable, positioned at its start.</param>
    /// <param name="target">Where the result goes; written sequentially.</param>
    /// <param name="verifyBase">Hash the base first and refuse a patch made for another base.
    /// Callers that have just verified the base themselves may skip it.</param>
    /// <exception cref="PatchFormatException">The patch is malformed, was made for another base,
    /// or does not produce the declared target.</exception>
    public static void Apply(Stream baseStream, Stream patch, Stream target, bool verifyBase = true)
    {
        ArgumentNullException.ThrowIfNull(baseStream);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(target);
        if (!baseStream.CanSeek || !patch.CanSeek)
        {
            throw new ArgumentException("Base and patch streams must be seekable.");
        }

        try
        {
            ApplyChecked(baseStream, patch, target, verifyBase);
        }
        catch (Exception e)
            when (e is ZstdException or InvalidDataException or EndOfStreamException)
        {
            throw new PatchFormatException(
                $"The patch's compressed data is corrupt: {e.Message}", e);
        }
    }

    /// <summary>Reads and validates a patch's header and segment table.</summary>
    /// <exception cref="PatchFormatException">The patch is malformed.</exception>
    public static PatchInfo ReadInfo(Stream patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (!patch.CanSeek)
        {
            throw new ArgumentException("The patch stream must be seekable.", nameof(patch));
        }

        var start = patch.Position;
        var (info, count) = PatchLayout.ReadHeader(patch, patch.Length - start);
        var segments = new List<PatchSegmentInfo>();
        var targetOffset = 0L;
        for (var i = 0L; i < count; i++)
        {
            var segment = ReadSegment(patch, info, targetOffset);
            segments.Add(segment);
            patch.Position += segment.StreamBytes.Sum();
            targetOffset += segment.TargetLength;
        }

        CheckEnd(patch, info, targetOffset);
        return info with { Segments = segments, PatchBytes = patch.Position - start };
    }

    private static void ApplyChecked(
        Stream baseStream, Stream patch, Stream target, bool verifyBase)
    {
        var (info, count) = PatchLayout.ReadHeader(patch, patch.Length - patch.Position);
        if (baseStream.Length != info.BaseSize)
        {
            throw new PatchFormatException(
                $"The patch is for a base of {info.BaseSize} bytes; this base has "
                + $"{baseStream.Length}.");
        }

        if (verifyBase)
        {
            baseStream.Position = 0;
            if (!SHA256.HashData(baseStream).AsSpan().SequenceEqual(info.BaseSha256))
            {
                throw new PatchFormatException(
                    "The patch is for another base: the base's SHA-256 does not match.");
            }
        }

        var baseSource = new RandomAccessSource(baseStream, info.BranchTransform);
        using var output = new TargetWriter(target, info.TargetSize, info.BranchTransform);
        var targetOffset = 0L;
        for (var i = 0L; i < count; i++)
        {
            var segment = ReadSegment(patch, info, targetOffset);
            var streamsStart = patch.Position;
            ApplySegment(info, segment, patch, streamsStart, baseSource, output);
            patch.Position = streamsStart + segment.StreamBytes.Sum();
            targetOffset += segment.TargetLength;
        }

        CheckEnd(patch, info, targetOffset);
        output.Complete(info.TargetSha256);
    }

    private static PatchSegmentInfo ReadSegment(Stream patch, PatchInfo info, long targetOffset)
    {
        var segment = PatchLayout.ReadSegmentHeader(
            patch, info, targetOffset, patch.Length - patch.Position);
        var alignment = BranchTransform.BlockSize;
        if (info.BranchTransform
            && (segment.BaseOffset % alignment != 0 || targetOffset % alignment != 0))
        {
            throw new PatchFormatException(
                "A transformed segment is not aligned to the transform's blocks.");
        }

        if (info.Mode == DeltaMode.Fast && segment.BaseLength > Array.MaxLength)
        {
            throw new PatchFormatException("A fast segment's base window is too large to load.");
        }

        return segment;
    }

    private static void CheckEnd(Stream patch, PatchInfo info, long produced)
    {
        if (produced != info.TargetSize)
        {
            throw new PatchFormatException(
                $"The segments produce {produced} bytes, not the declared {info.TargetSize}.");
        }

        if (patch.Position != patch.Length)
        {
            throw new PatchFormatException(
                $"The patch has {patch.Length - patch.Position} unexpected bytes after its end.");
        }
    }

    private static void ApplySegment(
        PatchInfo info,
        PatchSegmentInfo segment,
        Stream patch,
        long streamsStart,
        RandomAccessSource baseSource,
        TargetWriter output)
    {
        var lengths = segment.StreamBytes;
        if (info.Mode == DeltaMode.Fast)
        {
            using var frame = new WindowStream(patch, streamsStart, lengths[0]);
            FastSegmentDecoder.Apply(segment, frame, baseSource, output);
            return;
        }

        var offset = streamsStart;
        var sources = new ByteSource[5];
        var decoders = new List<Stream>();
        var decompressors = new List<Decompressor>();
        string[] names =
            ["control", "difference runs", "difference heads", "difference tails", "literal"];
        for (var i = 0; i < sources.Length; i++)
        {
            Stream raw = new WindowStream(patch, offset, lengths[i]);
            if (lengths[i] > 0)
            {
                var decompressor = ZstdFrames.CreateDecompressor(ZstdFrames.MaxStreamWindowLog);
                decompressors.Add(decompressor);
                raw = new DecompressionStream(raw, decompressor, 1 << 16, true, true, false);
            }

            decoders.Add(raw);
            sources[i] = new ByteSource(raw, names[i]);
            offset += lengths[i];
        }

        try
        {
            var difference = new DifferenceSource(
                sources[1], sources[2], sources[3], segment.TargetLength);
            SmallSegmentDecoder.Apply(
                segment, sources[0], difference, sources[4], baseSource, output);
        }
        finally
        {
            decoders.ForEach(d => d.Dispose());
            decompressors.ForEach(d => d.Dispose());
        }
    }
}
