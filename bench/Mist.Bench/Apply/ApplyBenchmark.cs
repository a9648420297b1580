using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Mist.Application.Builds.Ingestion;
using Mist.Client.Http;
using Mist.Client.Install;
using Mist.Client.Update;
using Mist.Delta.Manifests;
using Mist.Delta.Trees;
using Mist.Delta.Updates;
using Mist.Handlers.Patches;
using Mist.Infrastructure.Storage;

namespace Mist.Bench.Apply;

/// <summary>
/// Measures how fast the client applies a version patch. Ingests OLD_DIR and NEW_DIR into a
/// temporary blob store and builds the patch between them with the server's
/// <see cref="PatchGenerator"/> (the generate-patch handler's code, its check included). Then,
/// per run, copies OLD_DIR into a fresh install folder with its install record and updates it
/// with the client's <see cref="Updater"/>: fetch the patch and its blobs (from the store, in
/// process), stage every changed file and verify its hash, journal, swap, record. Only the
/// part from the start of staging to the end is timed as the apply; the fetch before it is
/// what a real client spends on the network. The result is compared with NEW_DIR file by file.
/// </summary>
public static class ApplyBenchmark
{
    private const string Game = "bench";

    private const string OldLabel = "old";

    private const string NewLabel = "new";

    /// <summary>Runs <c>apply OLD_DIR NEW_DIR [--runs N]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]))
        {
            Console.Error.WriteLine("usage: Mist.Bench apply OLD_DIR NEW_DIR [--runs N]");
            return 2;
        }

        var runs = 3;
        var runsAt = Array.IndexOf(args, "--runs");
        if (runsAt >= 0 && (runsAt + 1 >= args.Length ||
            !int.TryParse(args[runsAt + 1], CultureInfo.InvariantCulture, out runs) || runs < 1))
        {
            Console.Error.WriteLine("--runs takes a positive number");
            return 2;
        }

        var root = Directory.CreateTempSubdirectory("mist-apply-bench-").FullName;
        try
        {
            return await RunAsync(args[0], args[1], runs, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string oldDir, string newDir, int runs, string root)
    {
        var store = new FileSystemBlobStore(
            new StorageOptions { DataRoot = Path.Combine(root, "data") });
        var ingestor = new BuildIngestor(store, IngestOptions.Default, TimeProvider.System);
        var old = await ingestor.IngestAsync(oldDir, progress: null, CancellationToken.None);
        var target = await ingestor.IngestAsync(newDir, progress: null, CancellationToken.None);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var patch = await new PatchGenerator(store, new VersionPatchBuildOptions())
            .GenerateAsync(old.ManifestHash, target.ManifestHash, CancellationToken.None);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(
            $"patch: {patch.DownloadBytes:N0} B to download (chunks instead: " +
            $"{patch.ChunksOnlyBytes:N0} B), writes {patch.BytesWritten:N0} B of " +
            $"{target.RawBytes:N0} B; built in {patch.EncodeTime.TotalSeconds:F1} s, " +
            $"{cpu.TotalSeconds:F1} CPU s with its check");
        if (!patch.WorthShipping)
        {
            Console.Error.WriteLine("The patch is not worth shipping; there is nothing to apply.");
            return 1;
        }

        var planned = new PlannedPatch(OldLabel, NewLabel, patch.PatchManifestHash!,
            patch.DownloadBytes, patch.BytesWritten, patch.PeakExtraBytes);
        var plan = new UpdatePlanResponse(UpdatePlanKind.PatchChain, OldLabel, NewLabel,
            target.ManifestHash, [planned], [], patch.DownloadBytes, patch.BytesWritten,
            patch.PeakExtraBytes);
        var manifestBytes = await store.GetManifestAsync(old.ManifestHash, CancellationToken.None)
            ?? throw new InvalidOperationException("The base manifest was not stored.");

        var figures = new List<ApplyFigures>();
        for (var run = 1; run <= runs; run++)
        {
            var install = Path.Combine(root, $"install-{run}");
            var server = new StoreServer(store, plan);
            var result = await ApplyOnceAsync(
                server, oldDir, newDir, install, old.ManifestHash, manifestBytes);
            figures.Add(result);
            Console.WriteLine(
                $"run {run}: wrote {result.TargetBytesWritten:N0} B in " +
                $"{result.ApplySeconds:F3} s = {result.MegabytesPerSecond:F0} MB/s " +
                $"({result.ApplyCpuSeconds:F2} CPU s); " +
                $"whole update {result.UpdateSeconds:F3} s, fetched " +
                $"{server.BytesReceived:N0} B; verified {result.Verified}");
            Directory.Delete(install, recursive: true);
        }

        // The median run: the first pays for compiling the code paths, a busy moment of a
        // shared machine can slow any one of them.
        var median = figures.OrderBy(f => f.ApplySeconds).ElementAt(figures.Count / 2);
        Console.WriteLine(JsonSerializer.Serialize(
            median, ApplyFiguresContext.Default.ApplyFigures));
        return figures.All(f => f.Verified) ? 0 : 1;
    }

    private static async Task<ApplyFigures> ApplyOnceAsync(
        StoreServer server, string oldDir, string newDir, string install,
        string baseManifestHash, byte[] manifestBytes)
    {
        CopyTree(oldDir, install);
        var installed = new InstalledVersion(
            Game, OldLabel, "main", baseManifestHash, "in-process", DateTimeOffset.UtcNow);
        await new InstallRecord(new InstallLayout(install))
            .WriteAsync(installed, manifestBytes, CancellationToken.None);

        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var phases = new PhaseClock(clock);
        var result = await new Updater(server).UpdateAsync(
            new UpdateRequest(install, NewLabel), phases, CancellationToken.None);
        var total = clock.Elapsed;
        process.Refresh();
        var cpuAtEnd = process.TotalProcessorTime;

        var applyStarted = phases.ApplyingStarted ?? TimeSpan.Zero;
        var apply = (total - applyStarted).TotalSeconds;
        var applyCpu = (cpuAtEnd - (phases.CpuAtApplying ?? cpuAtEnd)).TotalSeconds;
        Console.WriteLine(
            $"  stages: stage and verify {Seconds(applyStarted, phases.Staged)}, flush and " +
            $"journal {Seconds(phases.Staged, phases.SwapStarted)}, swap " +
            $"{Seconds(phases.SwapStarted, phases.CheckStarted)}, check and record " +
            $"{Seconds(phases.CheckStarted, total)}");
        var verified = result.ToLabel == NewLabel && result.Plan == UpdatePlanKind.PatchChain &&
            !result.FellBackToChunks && SameTree(newDir, install);
        return new ApplyFigures(
            result.BytesWritten,
            Math.Round(apply, 3),
            Math.Round(result.BytesWritten / 1e6 / apply, 1),
            verified,
            Math.Round(total.TotalSeconds, 3),
            Math.Round(applyCpu, 3),
            server.BytesReceived);
    }

    private static string Seconds(TimeSpan? from, TimeSpan? to) =>
        from is { } start && to is { } end ? $"{(end - start).TotalSeconds:F3} s" : "?";

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var item in TreeWalker.Walk(from))
        {
            var path = Path.Combine(to, item.Path);
            switch (item.Kind)
            {
                case EntryKind.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case EntryKind.Symlink:
                    File.CreateSymbolicLink(path, item.LinkTarget!);
                    break;
                default:
                    // File.Copy keeps the permission bits, the executable bit among them.
                    File.Copy(item.FullPath, path);
                    break;
            }
        }
    }

    // Independent of the client's own checks: every entry of the expected tree, and nothing
    // else outside Mist's folder, with the same kind, size, executable bit, link and content.
    private static bool SameTree(string expected, string actual)
    {
        var want = TreeWalker.Walk(expected).ToDictionary(i => i.Path, StringComparer.Ordinal);
        var have = TreeWalker.Walk(actual)
            .Where(i => i.Path != InstallLayout.MistFolderName &&
                !i.Path.StartsWith(InstallLayout.MistFolderName + "/", StringComparison.Ordinal))
            .ToDictionary(i => i.Path, StringComparer.Ordinal);
        if (want.Count != have.Count)
        {
            Console.Error.WriteLine($"MISMATCH {have.Count} entries instead of {want.Count}");
            return false;
        }

        var same = true;
        foreach (var (path, item) in want)
        {
            if (!have.TryGetValue(path, out var got) || got.Kind != item.Kind ||
                got.Size != item.Size || got.Executable != item.Executable ||
                got.LinkTarget != item.LinkTarget ||
                (item.Kind == EntryKind.File && Hash(got.FullPath) != Hash(item.FullPath)))
            {
                Console.Error.WriteLine($"MISMATCH {path}");
                same = false;
            }
        }

        return same;
    }

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
