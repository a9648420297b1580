using System.Security.Cryptography;
using Mist.Delta.Patching.Fast;
using Mist.Delta.Patching.IO;
using Mist.Delta.Patching.Small;
using Mist.Delta.Transforms;

namespace Mist.Delta.Patching;

/// <summary>
/// Produces a patch that turns one file (the base) into another (the target). Encoding one
/// file uses up to <see cref="DeltaOptions.MaxDegreeOfParallelism"/> cores; callers with many
/// files may also encode several files at once.
/// </summary>
public static class DeltaEncoder
{
    /// <summary>
    /// Encodes the patch from <paramref name="basePath"/> to <paramref name="targetPath"/>.
    /// </summary>
    /// <returns>What the written patch declares.</returns>
    public static PatchInfo Encode(
        string basePath,
        string targetPath,
        Stream patch,
        DeltaOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var baseStream = RandomAccessSource.OpenFile(basePath);
        using var targetStream = RandomAccessSource.OpenFile(targetPath);
        return Encode(baseStream, targetStream, patch, options, cancellationToken);
    }

    /// <summary>
    /// Encodes the patch from <paramref name="baseStream"/> to <paramref name="targetStream"/>
    /// (both seekable; read, never written) and writes it to <paramref name="patch"/>.
    /// </summary>
    /// <returns>What the written patch declares.</returns>
    public static PatchInfo Encode(
        Stream baseStream,
        Stream targetStream,
        Stream patch,
        DeltaOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseStream);
        ArgumentNullException.ThrowIfNull(targetStream);
        ArgumentNullException.ThrowIfNull(patch);
        if (!baseStream.CanSeek || !targetStream.CanSeek)
        {
            throw new ArgumentException("Base and target streams must be seekable.");
        }

        options ??= new DeltaOptions();
        var baseHash = Hash(baseStream);
        var targetHash = Hash(targetStream);
        var transform = options.BranchTransform
            ?? (LooksExecutable(baseStream) && LooksExecutable(targetStream));
        var baseSource = new RandomAccessSource(baseStream, transform);
        var targetSource = new RandomAccessSource(targetStream, transform);
        var job = new EncodeJob(baseSource, targetSource, baseHash, targetHash, transform, options);

        foreach (var mode in CandidateModes(options, baseSource, targetSource))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (mode.Count == 1)
            {
                return job.Write(mode[0], patch, cancellationToken);
            }

            // Small files: encode both ways in memory and keep the smaller patch.
            using var small = new MemoryStream();
            using var fast = new MemoryStream();
            var smallInfo = job.Write(DeltaMode.Small, small, cancellationToken);
            var fastInfo = job.Write(DeltaMode.Fast, fast, cancellationToken);
            var (winner, info) = fast.Length < small.Length ? (fast, fastInfo) : (small, smallInfo);
            winner.Position = 0;
            winner.CopyTo(patch);
            return info;
        }

        throw new InvalidOperationException("No encoder was chosen.");
    }

    private static IEnumerable<List<DeltaMode>> CandidateModes(
        DeltaOptions options, RandomAccessSource baseSource, RandomAccessSource targetSource)
    {
        var fastPossible = FastPossible(baseSource);
        switch (options.Mode)
        {
            case DeltaMode.Small:
                yield return [DeltaMode.Small];
                break;
            case DeltaMode.Fast:
                yield return [fastPossible ? DeltaMode.Fast : DeltaMode.Small];
                break;
            default:
                if (targetSource.Length <= options.AutoTryBothBelowBytes && fastPossible)
                {
                    yield return [DeltaMode.Small, DeltaMode.Fast];
                }
                else
                {
                    var indexable = SmallWindow(options) >= baseSource.Length || !fastPossible;
                    yield return [indexable ? DeltaMode.Small : DeltaMode.Fast];
                }

                break;
        }
    }

    internal static long SmallWindow(DeltaOptions options) =>
        Math.Min(Array.MaxLength, options.MaxIndexMemoryBytes / SuffixArray.BytesPerIndexedByte);

    private static bool FastPossible(RandomAccessSource baseSource)
    {
        // Only a window that starts at offset 0 can begin with the dictionary magic in a way
        // that matters often enough to check; later windows are checked when encoded.
        Span<byte> head = stackalloc byte[4];
        var length = (int)Math.Min(4, baseSource.Length);
        baseSource.Read(0, head[..length]);
        return FastSegmentEncoder.CanEncode(head[..length]);
    }

    private static byte[] Hash(Stream stream)
    {
        stream.Position = 0;
        return SHA256.HashData(stream);
    }

    private static bool LooksExecutable(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return BranchTransform.LooksExecutable(head[..read]);
    }

    /// <summary>One file pair being encoded; writes the patch for a chosen mode.</summary>
    private sealed class EncodeJob(
        RandomAccessSource baseSource,
        RandomAccessSource targetSource,
        byte[] baseHash,
        byte[] targetHash,
        bool transform,
        DeltaOptions options)
    {
        public PatchInfo Write(DeltaMode mode, Stream patch, CancellationToken cancellationToken)
        {
            var window = mode == DeltaMode.Small
                ? SmallWindow(options)
                : options.MaxFastWindowBytes;
            var plans = SegmentPlanner.Plan(baseSource, targetSource, window);
            var segments = plans
                .Select(p => new PatchSegmentInfo(
                    p.TargetOffset, p.TargetLength, p.BaseOffset, p.BaseLength, []))
                .ToList();
            var info = new PatchInfo(
                PatchLayout.FormatVersion, mode, transform, baseSource.Length, baseHash,
                targetSource.Length, targetHash, segments, 0);
            var written = 0L;
            written += WriteBytes(patch, PatchLayout.WriteHeader(info));

            // Segments are encoded a batch at a time and written in order, so memory holds at
            // most one batch of encoded segments however large the file.
            var parallelism = Math.Max(1, options.MaxDegreeOfParallelism);
            for (var first = 0; first < plans.Count; first += parallelism)
            {
                var batch = plans.Skip(first).Take(parallelism).ToArray();
                var results = new (byte[][] Streams, long BaseLength)[batch.Length];
                var inner = options with
                {
                    MaxDegreeOfParallelism = Math.Max(1, parallelism / batch.Length),
                };
                Parallel.For(
                    0,
                    batch.Length,
                    new ParallelOptions
                    {
                        MaxDegreeOfParallelism = parallelism,
                        CancellationToken = cancellationToken,
                    },
                    i => results[i] = EncodeSegment(mode, batch[i], inner));

                for (var i = 0; i < batch.Length; i++)
                {
                    var (streams, baseLength) = results[i];
                    var lengths = streams.Select(s => (long)s.Length).ToArray();
                    var segment = segments[first + i] with
                    {
                        StreamBytes = lengths,
                        BaseLength = baseLength,
                    };
                    segments[first + i] = segment;
                    written += WriteBytes(patch, PatchLayout.WriteSegmentHeader(segment));
                    foreach (var stream in streams)
                    {
                        written += WriteBytes(patch, stream);
                    }
                }
            }

            return info with { PatchBytes = written };
        }

        private (byte[][] Streams, long BaseLength) EncodeSegment(
            DeltaMode mode, SegmentPlan plan, DeltaOptions inner)
        {
            var baseWindow = baseSource.ReadRegion(plan.BaseOffset, (int)plan.BaseLength);
            var target = targetSource.ReadRegion(plan.TargetOffset, (int)plan.TargetLength);
            var level = inner.FastCompressionLevel;
            if (mode == DeltaMode.Fast && FastSegmentEncoder.CanEncode(baseWindow))
            {
                return ([FastSegmentEncoder.Encode(baseWindow, target, level)], plan.BaseLength);
            }

            if (mode == DeltaMode.Fast)
            {
                // Rare: the window begins with zstd's dictionary magic. An empty base window
                // makes the frame plain zstd, which needs no dictionary.
                return ([FastSegmentEncoder.Encode([], target, level)], 0);
            }

            return (SmallSegmentEncoder.Encode(baseWindow, target, inner), plan.BaseLength);
        }

        private static long WriteBytes(Stream patch, byte[] bytes)
        {
            patch.Write(bytes);
            return bytes.Length;
        }
    }
}
