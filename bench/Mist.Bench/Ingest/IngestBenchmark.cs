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
/// level (the last level's figures make the JSON line).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Mist.Bench ingest DIR [--level N | --levels A,B,C]");
            return 2;
        }

        IngestFigures? last = null;
        foreach (var level in Levels(args[1..]))
        {
            last = await MeasureAsync(args[0], level);
            Console.WriteLine(
                $"level {level,2}: {last.Files} files, {last.RawBytes / 1e6:F1} MB raw -> " +
                $"{last.StoredBytes / 1e6:F1} MB stored ({last.Ratio:P1}) in " +
                $"{last.Seconds:F2} s = {last.MegabytesPerSecond:F1} MB/s");
        }

        Console.WriteLine(JsonSerializer.Serialize(last, IngestFiguresContext.Default.IngestFigures));
        return 0;
    }

    private static async Task<IngestFigures> MeasureAsync(string source, int level)
    {
        var root = Directory.CreateTempSubdirectory("mist-ingest-bench-").FullName;
        try
        {
            var store = new FileSystemBlobStore(new StorageOptions { DataRoot = root });
            var options = IngestOptions.Default with { CompressionLevel = level };
            var ingestor = new BuildIngestor(store, options, TimeProvider.System);

            var clock = Stopwatch.StartNew();
            var result = await ingestor.IngestAsync(source, progress: null, CancellationToken.None);
            var seconds = clock.Elapsed.TotalSeconds;

            return new IngestFigures(result.FileCount, result.RawBytes, result.StoredBytes,
                Math.Round(seconds, 3), Math.Round(result.RawBytes / 1e6 / seconds, 1));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<int> Levels(string[] options) => options switch
    {
        ["--level", var level] => [Parse(level)],
        ["--levels", var levels] => levels.Split(',').Select(Parse),
        _ => [BlobCodec.DefaultLevel],
    };

    private static int Parse(string level) => int.Parse(level, CultureInfo.InvariantCulture);
}
