using System.Security.Cryptography;
using System.Text;
using Mist.Infrastructure.Storage;

namespace Mist.Api.Tests.Storage;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private static readonly byte[] Blob = Encoding.UTF8.GetBytes("compressed chunk bytes");

    private static readonly string Key = Convert.ToHexStringLower(SHA256.HashData("chunk"u8));

    private readonly string _root = Directory.CreateTempSubdirectory("mist-store-").FullName;

    private readonly FileSystemBlobStore _store;

    public FileSystemBlobStoreTests() => _store = new(new StorageOptions { DataRoot = _root });

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Stored_blob_lands_in_its_hash_folder_and_reads_back()
    {
        var written = await _store.PutAsync(Key, Blob, CancellationToken.None);

        written.ShouldBeTrue();
        _store.PathFor(Key).ShouldBe(Path.Combine(_root, "blobs", Key[..2], Key));
        _store.Exists(Key).ShouldBeTrue();
        _store.GetLength(Key).ShouldBe(Blob.Length);
        await using var stream = _store.OpenRead(Key).ShouldNotBeNull();
        stream.Length.ShouldBe(Blob.Length);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.ToArray().ShouldBe(Blob);
    }

    [Fact]
    public async Task Second_put_of_a_key_writes_nothing()
    {
        await _store.PutAsync(Key, Blob, CancellationToken.None);
        var firstWrite = File.GetLastWriteTimeUtc(_store.PathFor(Key));

        var written = await _store.PutAsync(Key, new byte[] { 1 }, CancellationToken.None);

        written.ShouldBeFalse();
        (await File.ReadAllBytesAsync(_store.PathFor(Key))).ShouldBe(Blob);
        File.GetLastWriteTimeUtc(_store.PathFor(Key)).ShouldBe(firstWrite);
    }

    [Fact]
    public async Task Concurrent_puts_of_one_key_store_it_once()
    {
        var puts = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => _store.PutAsync(Key, Blob, CancellationToken.None)));

        var results = await Task.WhenAll(puts);

        results.Count(written => written).ShouldBe(1);
        (await File.ReadAllBytesAsync(_store.PathFor(Key))).ShouldBe(Blob);
        Directory.GetFiles(Path.Combine(_root, "tmp")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Failed_write_surfaces_and_leaves_no_partial_blob()
    {
        var diskFull = new IOException("No space left on device");
        var source = new FailingStream(200_000, diskFull);

        var error = await Should.ThrowAsync<IOException>(
            () => _store.PutAsync(Key, source, CancellationToken.None));

        error.ShouldBeSameAs(diskFull);
        _store.Exists(Key).ShouldBeFalse();
        _store.OpenRead(Key).ShouldBeNull();
        Directory.GetFiles(Path.Combine(_root, "blobs"), "*", SearchOption.AllDirectories)
            .ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(_root, "tmp")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelled_write_leaves_no_blob()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => _store.PutAsync(Key, new MemoryStream(Blob), cancelled.Token));

        _store.Exists(Key).ShouldBeFalse();
        Directory.GetFiles(Path.Combine(_root, "tmp")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void Key_that_is_not_a_lower_case_sha256_is_refused(string key)
    {
        Should.Throw<ArgumentException>(() => _store.PathFor(key));
        Should.Throw<ArgumentException>(() => _store.Exists(key));
    }

    [Fact]
    public async Task Manifest_is_stored_under_its_own_hash_and_read_back()
    {
        var manifest = Encoding.UTF8.GetBytes("""{"formatVersion":1,"entries":[]}""");

        var hash = await _store.PutManifestAsync(manifest, CancellationToken.None);

        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(manifest)));
        File.Exists(Path.Combine(_root, "manifests", hash)).ShouldBeTrue();
        _store.ManifestExists(hash).ShouldBeTrue();
        (await _store.GetManifestAsync(hash, CancellationToken.None)).ShouldBe(manifest);
    }

    [Fact]
    public async Task Missing_manifest_reads_as_null()
    {
        (await _store.GetManifestAsync(Key, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Damaged_manifest_is_refused_on_read()
    {
        var hash = await _store.PutManifestAsync("{}"u8.ToArray(), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_root, "manifests", hash), "{ }");

        await Should.ThrowAsync<InvalidDataException>(
            () => _store.GetManifestAsync(hash, CancellationToken.None));
    }

    [Fact]
    public void Missing_data_root_is_refused_with_the_setting_name()
    {
        Should.Throw<InvalidOperationException>(() => new FileSystemBlobStore(new StorageOptions()))
            .Message.ShouldContain("DataRoot");
    }
}
