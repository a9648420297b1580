using System.Security.Cryptography;
using Mist.Application.Builds.Ingestion;
using Mist.Application.Storage;
using Mist.Delta.Blobs;
using Mist.Delta.Chunking;
using Mist.Delta.Manifests;
using Mist.Infrastructure.Storage;

namespace Mist.Api.Tests.Storage;

public sealed class BuildIngestorTests : IDisposable
{
    // Small chunks so a few hundred KiB of test data make many of them.
    private static readonly IngestOptions Options = IngestOptions.Default with
    {
        Chunking = new ChunkerOptions(1024, 4096, 16384),
        ProgressInterval = TimeSpan.Zero,
    };

    private readonly string _source = Directory.CreateTempSubdirectory("mist-src-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("mist-data-").FullName;
    private readonly FileSystemBlobStore _store;

    public BuildIngestorTests()
    {
        _store = new FileSystemBlobStore(new StorageOptions { DataRoot = _data });
        Write("bin/game", Random(200_000, 1));
        Write("data/level1.pak", Random(90_000, 2));
        Write("data/copy.pak", Random(90_000, 2));
        Write("readme.txt", "hello"u8.ToArray());
        Write("empty.cfg", []);
        Directory.CreateDirectory(Path.Combine(_source, "saves"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_source, "bin/game"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.CreateSymbolicLink(Path.Combine(_source, "bin/game.sh"), "game");
        }
    }

    public void Dispose()
    {
        Directory.Delete(_source, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Manifest_lists_every_entry_with_hashes_and_chunks_that_rebuild_each_file()
    {
        var result = await Ingest(_store);

        var manifest = result.Manifest;
        manifest.Entries.Select(e => e.Path).ShouldContain("saves");
        result.FileCount.ShouldBe(5);
        result.RawBytes.ShouldBe(200_000 + 90_000 + 90_000 + 5);
        foreach (var file in manifest.Entries.Where(e => e.Kind == EntryKind.File))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_source, file.Path));
            file.Size.ShouldBe(bytes.Length);
            file.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
            (await Rebuild(file)).ShouldBe(bytes);
        }

        manifest.Entries.Single(e => e.Path == "empty.cfg").ChunkList.ShouldBeEmpty();
        manifest.Entries.Single(e => e.Path == "bin/game").ChunkList.Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Link_and_executable_bit_are_recorded()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var manifest = (await Ingest(_store)).Manifest;

        manifest.Entries.Single(e => e.Path == "bin/game").Executable.ShouldBeTrue();
        manifest.Entries.Single(e => e.Path == "readme.txt").Executable.ShouldBeFalse();
        var link = manifest.Entries.Single(e => e.Path == "bin/game.sh");
        link.Kind.ShouldBe(EntryKind.Symlink);
        link.LinkTarget.ShouldBe("game");
    }

    [Fact]
    public async Task Stored_manifest_is_the_one_returned()
    {
        var result = await Ingest(_store);

        var stored = await _store.GetManifestAsync(result.ManifestHash, CancellationToken.None);

        stored.ShouldBe(ManifestSerializer.Serialize(result.Manifest));
    }

    [Fact]
    public async Task Repeated_content_is_stored_once()
    {
        var result = await Ingest(_store);

        var references = result.Manifest.Entries.SelectMany(e => e.ChunkList).ToList();
        result.DistinctChunks.ShouldBe(references.Select(c => c.Sha256).Distinct().Count());
        result.DistinctChunks.ShouldBeLessThan(references.Count);
        BlobFiles().Length.ShouldBe(result.DistinctChunks);
        result.StoredBytes.ShouldBe(BlobFiles().Sum(f => new FileInfo(f).Length));
        result.NewBytes.ShouldBe(result.StoredBytes);
    }

    [Fact]
    public async Task Missing_blob_of_an_ingested_version_is_found()
    {
        var result = await Ingest(_store);
        _store.FindMissingBlobs(result.Manifest).ShouldBeEmpty();
        var lost = result.Manifest.Entries.Single(e => e.Path == "readme.txt").ChunkList[0];

        File.Delete(_store.PathFor(lost.Sha256));

        _store.FindMissingBlobs(result.Manifest).ShouldBe([lost.Sha256]);
    }

    [Fact]
    public async Task Second_ingest_of_the_same_tree_stores_nothing_new()
    {
        var first = await Ingest(_store);
        var writeTimes = BlobFiles().ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = await Ingest(_store);

        second.ManifestHash.ShouldBe(first.ManifestHash);
        second.NewBytes.ShouldBe(0);
        second.NewChunks.ShouldBe(0);
        second.StoredBytes.ShouldBe(first.StoredBytes);
        BlobFiles().ToDictionary(f => f, File.GetLastWriteTimeUtc).ShouldBe(writeTimes);
    }

    [Fact]
    public async Task Manifest_is_stored_after_every_blob()
    {
        var store = new RecordingBlobStore(_store);

        var result = await Ingest(store);

        store.Writes.Last().ShouldBe($"manifest {result.ManifestHash}");
        store.Writes.Count(w => w.StartsWith("blob ")).ShouldBe(result.NewChunks);
    }

    [Fact]
    public async Task Storage_failure_surfaces_and_no_manifest_is_stored()
    {
        var store = new RecordingBlobStore(_store, failBlobWrite: 3);

        await Should.ThrowAsync<IOException>(() => Ingest(store));

        store.Writes.ShouldNotContain(w => w.StartsWith("manifest "));
        Directory.GetFiles(Path.Combine(_data, "manifests")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Progress_ends_with_every_file_and_byte_done_and_never_goes_back()
    {
        var log = new ProgressLog();

        var result = await new BuildIngestor(_store, Options, TimeProvider.System)
            .IngestAsync(_source, log, CancellationToken.None);

        var reports = log.Reports.ToList();
        reports.Last().ShouldBe(new IngestProgress(5, 5, result.RawBytes, result.RawBytes));
        reports.ShouldAllBe(r => r.FilesTotal == 5 && r.BytesTotal == result.RawBytes);
        reports.Zip(reports.Skip(1)).ShouldAllBe(p => p.Second.BytesDone >= p.First.BytesDone);
    }

    [Fact]
    public async Task Progress_is_reported_at_most_once_per_interval_plus_the_final_report()
    {
        var log = new ProgressLog();
        var options = Options with { ProgressInterval = TimeSpan.FromHours(1) };

        await new BuildIngestor(_store, options, TimeProvider.System)
            .IngestAsync(_source, log, CancellationToken.None);

        log.Reports.Count.ShouldBe(2);
        log.Reports.Last().FilesDone.ShouldBe(5);
    }

    [Fact]
    public async Task Cancelled_ingest_stores_no_manifest()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => new BuildIngestor(_store, Options, TimeProvider.System)
                .IngestAsync(_source, progress: null, cancelled.Token));

        Directory.GetFiles(Path.Combine(_data, "manifests")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Link_out_of_the_tree_fails_the_ingest_with_its_path()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.CreateSymbolicLink(Path.Combine(_source, "data/passwd"), "/etc/passwd");

        var error = await Should.ThrowAsync<IngestException>(() => Ingest(_store));

        error.Message.ShouldContain("data/passwd");
    }

    private Task<IngestResult> Ingest(IBlobStore store) =>
        new BuildIngestor(store, Options, TimeProvider.System)
            .IngestAsync(_source, progress: null, CancellationToken.None);

    private async Task<byte[]> Rebuild(ManifestEntry file)
    {
        var output = new MemoryStream();
        foreach (var chunk in file.ChunkList)
        {
            output.Position.ShouldBe(chunk.Offset);
            var blob = await File.ReadAllBytesAsync(_store.PathFor(chunk.Sha256));
            output.Write(BlobCodec.DecompressVerified(blob, chunk.Length, chunk.Sha256));
        }

        return output.ToArray();
    }

    private string[] BlobFiles() =>
        Directory.GetFiles(Path.Combine(_data, "blobs"), "*", SearchOption.AllDirectories);

    private void Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_source, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
