using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Mist.Delta.Patching;

namespace Mist.Bench.Delta;

/// <summary>
/// Round-trips one file larger than 4 GiB through the delta engine: a base made of one build's
/// files laid end to end until it reaches the size, and a target made the same way from the
/// next build with edits in every round, so that no segment is a plain copy. Prints the peak
/// working set of encoding and of applying; the last line is JSON for scripts.
/// </summary>
public static class LargeFileBenchmark
{
    private const string Usage =
        "usage: delta-large OLD_DIR NEW_DIR [--size GIB] [--mode small|fast|auto] "
        + "[--index-memory MIB] [--work DIR]";

    /// <summary>Runs <c>delta-large OLD_DIR NEW_DIR [options]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1])
            || !TryReadOptions(args[2..], out var settings))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var work = Directory.CreateDirectory(
            Path.Combine(settings.WorkRoot, $"mist-large-{Guid.NewGuid():N}"));
        try
        {
            return await Task.Run(() => Run(args[0], args[1], settings, work.FullName));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int Run(string oldRoot, string newRoot, LargeFileSettings settings, string work)
    {
        var basePath = Path.Combine(work, "base.bin");
        var targetPath = Path.Combine(work, "target.bin");
        var patchPath = Path.Combine(work, "patch.mdlt");
        var outputPath = Path.Combine(work, "output.bin");

        Console.WriteLine(
            $"writing a {settings.SizeBytes / (double)(1L << 30):F2} GiB base and target " +
            $"in {work}");
        var baseBytes = LargeFileSource.Write(
            oldRoot, basePath, settings.SizeBytes, edits: false);
        var targetBytes = LargeFileSource.Write(
            newRoot, targetPath, settings.SizeBytes, edits: true);
        var targetHash = HashFile(targetPath);

        var options = new DeltaOptions
        {
            Mode = settings.Mode,
            MaxIndexMemoryBytes = settings.IndexMemoryBytes,
        };
        var (encodeSeconds, encodeCpu, encodePeak) = Measure(() =>
        {
            using var patch = File.Create(patchPath);
            DeltaEncoder.Encode(basePath, targetPath, patch, options);
        });
        var patchBytes = new FileInfo(patchPath).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"encode: {patchBytes:N0} B patch in {encodeSeconds:F1} s "
            + $"({encodeCpu:F1} s CPU), peak working set {encodePeak / 1e6:F0} MB"));

        // Hand the encoder's heap back to the system first, so the apply's peak is its own.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var (applySeconds, applyCpu, applyPeak) = Measure(
            () => DeltaDecoder.Apply(basePath, patchPath, outputPath));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"apply: {targetBytes / 1e6 / applySeconds:F0} MB/s in {applySeconds:F1} s "
            + $"({applyCpu:F1} s CPU), peak working set {applyPeak / 1e6:F0} MB"));

        // The decoder checks the target's SHA-256 itself; this comparison is independent of it.
        var verified = new FileInfo(outputPath).Length == targetBytes
            && HashFile(outputPath).AsSpan().SequenceEqual(targetHash);
        Console.WriteLine(verified ? "verified: output equals target" : "MISMATCH");

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("{" + string.Join(", ",
            $"\"mode\": \"{settings.Mode.ToString().ToLowerInvariant()}\"",
            $"\"base_bytes\": {baseBytes}",
            $"\"target_bytes\": {targetBytes}",
            $"\"patch_bytes\": {patchBytes}",
            $"\"index_memory_bytes\": {settings.IndexMemoryBytes}",
            $"\"encode_seconds\": {encodeSeconds.ToString("F1", c)}",
            $"\"encode_peak_memory_bytes\": {encodePeak}",
            $"\"apply_seconds\": {applySeconds.ToString("F1", c)}",
            $"\"apply_peak_memory_bytes\": {applyPeak}",
            $"\"verified\": {(verified ? "true" : "false")}") + "}");
        return verified ? 0 : 1;
    }

    /// <summary>Wall seconds, CPU seconds and the highest working set seen while it ran.</summary>
    private static (double Seconds, double Cpu, long PeakBytes) Measure(Action action)
    {
        // The process's own peak never goes down, so a sampler watches the current working set
        // instead, to give encoding and applying a peak each.
        using var process = Process.GetCurrentProcess();
        var peak = 0L;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
            while (!done.Wait(50));
        }) { IsBackground = true };

        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        sampler.Start();
        action();
        clock.Stop();
        done.Set();
        sampler.Join();

        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        return (clock.Elapsed.TotalSeconds, cpuSeconds, Math.Max(peak, process.WorkingSet64));
    }

    private static byte[] HashFile(string path)
    {
        using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return SHA256.HashData(stream);
    }

    private static bool TryReadOptions(string[] args, out LargeFileSettings settings)
    {
        settings = new LargeFileSettings();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--size" when double.TryParse(value, CultureInfo.InvariantCulture, out var gib)
                                   && gib > 0:
                    settings = settings with { SizeBytes = (long)(gib * (1L << 30)) };
                    break;
                case "--mode" when Enum.TryParse<DeltaMode>(value, true, out var mode):
                    settings = settings with { Mode = mode };
                    break;
                case "--index-memory" when long.TryParse(value, out var mib) && mib >= 64:
                    settings = settings with { IndexMemoryBytes = mib << 20 };
                    break;
                case "--work" when Directory.Exists(value):
                    settings = settings with { WorkRoot = value };
                    break;
                default:
                    return false;
            }
        }

        return args.Length % 2 == 0;
    }
}
