using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Mist.Delta.Patching;
using Mist.Delta.Patching.Small;

namespace Mist.Bench.Delta;

/// <summary>
/// Diffs every file of one build against the same path in another, applies and verifies each
/// patch, and prints totals; when the bsdiff, xdelta3 and zstd tools are installed, runs them on
/// the same pairs for comparison. The last line is JSON for scripts.
/// </summary>
public static class DeltaBenchmark
{
    /// <summary>Runs <c>delta OLD_DIR NEW_DIR [--mode small|fast|auto] [--no-tools]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]))
        {
            Console.Error.WriteLine(
                "usage: delta OLD_DIR NEW_DIR [--mode small|fast|auto] [--no-tools]");
            return 2;
        }

        var mode = DeltaMode.Auto;
        var modeAt = Array.IndexOf(args, "--mode");
        if (modeAt >= 0
            && (modeAt + 1 >= args.Length || !Enum.TryParse(args[modeAt + 1], true, out mode)))
        {
            Console.Error.WriteLine("--mode takes small, fast or auto");
            return 2;
        }

        var pairs = FilePair.List(args[0], args[1]);
        var work = Directory.CreateTempSubdirectory("mist-delta-bench-");
        try
        {
            var ours = await Task.Run(() => RunOurs(pairs, mode, work.FullName));
            PrintFigures($"mist {mode.ToString().ToLowerInvariant()}", ours, ours);
            if (!args.Contains("--no-tools"))
            {
                foreach (var tool in ExternalTool.Installed())
                {
                    var theirs = await Task.Run(() => tool.Run(pairs, work.FullName));
                    PrintFigures(tool.Name, theirs, ours);
                }
            }

            Console.WriteLine(Json(ours, Process.GetCurrentProcess().PeakWorkingSet64));
            return ours.Verified ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static RunFigures RunOurs(IReadOnlyList<FilePair> pairs, DeltaMode mode, string work)
    {
        var options = new DeltaOptions { Mode = mode };
        var patches = new ConcurrentDictionary<FilePair, string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Largest first, so the longest file does not start last and leave a core idle.
        var ordered = pairs.OrderByDescending(p => p.NewBytes).ToList();
        var encodeCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var encode = Stopwatch.StartNew();
        Parallel.ForEach(ordered, parallel, pair =>
        {
            var patchPath = Path.Combine(work, pair.Id + ".mdlt");
            using var patch = File.Create(patchPath);
            if (pair.OldPath is null)
            {
                using var target = File.OpenRead(pair.NewPath);
                DeltaEncoder.Encode(new MemoryStream(), target, patch, options);
            }
            else
            {
                DeltaEncoder.Encode(pair.OldPath, pair.NewPath, patch, options);
            }

            patches[pair] = patchPath;
        });
        encode.Stop();
        encodeCpu = Process.GetCurrentProcess().TotalProcessorTime - encodeCpu;

        var applyCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var apply = Stopwatch.StartNew();
        Parallel.ForEach(ordered, parallel, pair =>
        {
            using var baseStream = pair.OldPath is null
                ? new MemoryStream()
                : (Stream)File.OpenRead(pair.OldPath);
            using var patch = File.OpenRead(patches[pair]);
            using var target = File.Create(Path.Combine(work, pair.Id + ".out"));
            DeltaDecoder.Apply(baseStream, patch, target);
        });
        apply.Stop();
        applyCpu = Process.GetCurrentProcess().TotalProcessorTime - applyCpu;

        // The decoder already checked each result's SHA-256; this independent comparison is
        // kept out of the apply time.
        var verified = true;
        Parallel.ForEach(ordered, parallel, pair =>
        {
            var output = Path.Combine(work, pair.Id + ".out");
            if (!SameContent(output, pair.NewPath))
            {
                verified = false;
                Console.Error.WriteLine($"MISMATCH {pair.RelativePath}");
            }

            File.Delete(output);
        });

        // CPU time next to wall time: on a shared machine the wall figures include waiting.
        var newBytes = pairs.Sum(p => p.NewBytes);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"cpu: encode {encodeCpu.TotalSeconds:F2} s, apply {applyCpu.TotalSeconds:F2} s "
            + $"({newBytes / 1e6 / applyCpu.TotalSeconds:F0} MB/s of output per core)"));

        // Summed over threads, so with both cores busy about the CPU of each phase (more when
        // other processes compete for the cores). JIT time is paid once per process.
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"small encoder phases: index {EncodePhaseClock.Index.TotalSeconds:F2} s, "
            + $"match {EncodePhaseClock.Match.TotalSeconds:F2} s, "
            + $"streams {EncodePhaseClock.Streams.TotalSeconds:F2} s; "
            + $"process: JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s, "
            + $"GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));

        var patchBytes = patches.Values.Sum(p => new FileInfo(p).Length);
        Console.WriteLine("largest patches:");
        foreach (var (pair, path) in
                 patches.OrderByDescending(p => new FileInfo(p.Value).Length).Take(8))
        {
            Console.WriteLine(
                $"  {new FileInfo(path).Length,10:N0} B  {pair.NewBytes,12:N0} B  " +
                $"{pair.RelativePath}");
        }

        return new RunFigures(
            pairs.Sum(p => p.NewBytes), patchBytes, encode.Elapsed.TotalSeconds,
            apply.Elapsed.TotalSeconds, verified);
    }

    private static string Json(RunFigures figures, long peakMemory)
    {
        var c = CultureInfo.InvariantCulture;
        var fields = new[]
        {
            $"\"new_bytes\": {figures.NewBytes}",
            $"\"patch_bytes\": {figures.PatchBytes}",
            $"\"encode_seconds\": {figures.EncodeSeconds.ToString("F3", c)}",
            $"\"apply_seconds\": {figures.ApplySeconds.ToString("F3", c)}",
            $"\"peak_memory_bytes\": {peakMemory}",
            $"\"verified\": {(figures.Verified ? "true" : "false")}",
        };
        return "{" + string.Join(", ", fields) + "}";
    }

    private static bool SameContent(string a, string b)
    {
        using var first = File.OpenRead(a);
        using var second = File.OpenRead(b);
        return first.Length == second.Length
            && SHA256.HashData(first).AsSpan().SequenceEqual(SHA256.HashData(second));
    }

    private static void PrintFigures(string name, RunFigures figures, RunFigures ours)
    {
        var ratio = (double)ours.PatchBytes / Math.Max(1, figures.PatchBytes);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-28} patch {figures.PatchBytes,12:N0} B  encode {figures.EncodeSeconds,7:F2} s"
            + $"  apply {figures.ApplySeconds,6:F2} s  ours/theirs {ratio:F3}"));
    }
}
