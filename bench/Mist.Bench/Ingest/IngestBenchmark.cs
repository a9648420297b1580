using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mist.Application.Builds.Ingestion;
using Mist.Delta.Blobs;
using Mist.Infrastructure.Storage;

namespace Mist.Bench.Ingest;

/// <summary>
/// Ingests a folder into a fresh temporary data root, in process, and prints the figures.
/// <c>--level N</c> picks the zstd level; <c>--levels 1,3,6</c> runs one fresh ingest per
/// level; <c>--warmup N</c> (default 1) first runs N unreported ingests so the figures are
/// those of a server that has already ingested once (the first ingest after start also pays
/// for compiling zstd's code, and its figures are printed as "cold"); <c>--workers N</c> sets
/// the compressing threads.
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine(
                "usage: Mist.Bench ingest DIR [--level N | --levels A,B,C] [--warmup N] " +
                "[--workers N]");
            return 2;
        }

        var (levels, warmups, workers) = ParseOptions(args[1..]);
        for (var i = 0; i < warmups; i++)
        {
            Print("cold", await MeasureAsync(args[0], levels[0], workers), levels[0]);
        }

        IngestFigures? last = null;
        foreach (var level in levels)
        {
            last = await MeasureAsync(args[0], level, workers);
            Print("warm", last, level);
        }

        var json = JsonSerializer.Serialize(last, IngestFiguresContext.Default.IngestFigures);
        Console.WriteLine(json);
        return 0;
    }

    private static void Print(string kind, IngestFigures figures, int level) =>
        Console.WriteLine(
            $"{kind} level {level,2}: {figures.Files} files, {figures.RawBytes / 1e6:F1} MB " +
            $"raw -> {figures.StoredBytes / 1e6:F1} MB stored ({figures.Ratio:P1}) in " +
            $"{figures.Seconds:F2} s = {figures.MegabytesPerSecond:F1} MB/s; " +
            $"{figures.CpuSeconds:F2} CPU s = {figures.RawBytes / 1e6 / figures.CpuSeconds:F0} " +
            "MB per CPU second");

    private static async Task<IngestFigures> MeasureAsync(string source, int level, int workers)
    {
        var root = Directory.CreateTempSubdirectory("mist-ingest-bench-").FullName;
        try
        {
            var store = new FileSystemBlobStore(new StorageOptions { DataRoot = root });
            var options = IngestOptions.Default with
            {
                CompressionLevel = level,
                Workers = workers,
            };
            var ingestor = new BuildIngestor(store, options, TimeProvider.System);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;

            var clock = Stopwatch.StartNew();
            var result = await ingestor.IngestAsync(source, progress: null, CancellationToken.None);
            var seconds = clock.Elapsed.TotalSeconds;

            process.Refresh();
            return new IngestFigures(result.FileCount, result.RawBytes, result.StoredBytes,
                Math.Round(seconds, 3), Math.Round(result.RawBytes / 1e6 / seconds, 1))
            {
                CpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds,
            };
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int[] Levels, int Warmups, int Workers) ParseOptions(string[] options)
    {
        int[] levels = [BlobCodec.DefaultLevel];
        var warmups = 1;
        var workers = IngestOptions.Default.Workers;
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            switch (options[i])
            {
                case "--level":
                case "--levels":
                    levels = [.. options[i + 1].Split(',').Select(Parse)];
                    break;
                case "--warmup":
                    warmups = Parse(options[i + 1]);
                    break;
                case "--workers":
                    workers = Parse(options[i + 1]);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{options[i]}'.");
            }
        }

        return (levels, warmups, workers);
    }

    private static int Parse(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
