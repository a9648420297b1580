using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mist.Bench.Delta;

/// <summary>
/// A command-line delta tool run on the same pairs, for comparison. Unpaired files are
/// compressed whole with zstd -19 for every tool alike.
/// </summary>
internal sealed record ExternalTool(
    string Name,
    string Program,
    Func<string, string, string, string[]> Encode,
    string DecodeProgram,
    Func<string, string, string, string[]> Decode)
{
    public static IEnumerable<ExternalTool> Installed()
    {
        ExternalTool[] all =
        [
            new("zstd --patch-from -19 --long", "zstd",
                (o, n, p) => ["-q", "-f", "-19", "--long=31", $"--patch-from={o}", n, "-o", p],
                "zstd",
                (o, p, n) => ["-q", "-f", "-d", "--long=31", $"--patch-from={o}", p, "-o", n]),
            new("zstd --patch-from -3", "zstd",
                (o, n, p) => ["-q", "-f", "-3", $"--patch-from={o}", n, "-o", p],
                "zstd",
                (o, p, n) => ["-q", "-f", "-d", "--long=31", $"--patch-from={o}", p, "-o", n]),
            new("bsdiff", "bsdiff", (o, n, p) => [o, n, p], "bspatch", (o, p, n) => [o, n, p]),
            new("xdelta3 -9", "xdelta3",
                (o, n, p) => ["-f", "-9", "-e", "-s", o, n, p],
                "xdelta3",
                (o, p, n) => ["-f", "-d", "-s", o, p, n]),
        ];
        return all.Where(t => OnPath(t.Program));
    }

    public RunFigures Run(IReadOnlyList<FilePair> pairs, string work)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var ordered = pairs.OrderByDescending(p => p.NewBytes).ToList();
        var sizes = new ConcurrentBag<long>();
        var encode = Stopwatch.StartNew();
        Parallel.ForEach(ordered, parallel, pair =>
        {
            var patch = Path.Combine(work, $"{pair.Id}.{Program}");
            if (pair.OldPath is null)
            {
                Execute("zstd", ["-q", "-f", "-19", pair.NewPath, "-o", patch]);
            }
            else
            {
                Execute(Program, Encode(pair.OldPath, pair.NewPath, patch));
            }

            sizes.Add(new FileInfo(patch).Length);
        });
        encode.Stop();

        var apply = Stopwatch.StartNew();
        Parallel.ForEach(ordered.Where(p => p.OldPath is not null), parallel, pair =>
        {
            var patch = Path.Combine(work, $"{pair.Id}.{Program}");
            var output = patch + ".out";
            Execute(DecodeProgram, Decode(pair.OldPath!, patch, output));
            File.Delete(output);
            File.Delete(patch);
        });
        apply.Stop();

        return new RunFigures(
            pairs.Sum(p => p.NewBytes), sizes.Sum(), encode.Elapsed.TotalSeconds,
            apply.Elapsed.TotalSeconds, true);
    }

    private static void Execute(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
