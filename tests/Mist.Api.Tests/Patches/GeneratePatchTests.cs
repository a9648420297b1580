using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Tests.EndToEnd;
using Mist.Application.Contracts;
using Mist.Delta.Blobs;
using Mist.Delta.Manifests;
using Mist.Delta.Updates;
using Mist.Domain.Patches;
using Mist.Handlers.Patches;
using Wolverine;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// The worker's side on a real server: versions 1.0, 1.1 (a small edit) and 1.2 (all new
/// content) of game "gen" are published in a row and their chains run through the workers.
/// </summary>
public sealed class GeneratePatchTests(PatchChainFixture server)
    : IClassFixture<PatchChainFixture>, IAsyncLifetime
{
    private readonly PatchScenario _game = new(server, "gen");
    private VersionManifest _v10 = null!;
    private VersionManifest _v11 = null!;

    public async Task InitializeAsync()
    {
        if (Directory.Exists(_game.FolderOf("1.0")))
        {
            _v10 = await _game.ManifestAsync("1.0");
            _v11 = await _game.ManifestAsync("1.1");
            return;
        }

        var game = PatchScenario.Noise(1, 300_000);
        var edited = game.ToArray();
        edited.AsSpan(150_000, 64).Fill(7);
        _v10 = await _game.IngestAsync("1.0", new Dictionary<string, byte[]>
        {
            ["bin/game"] = game,
            ["data/level.pak"] = PatchScenario.Noise(2, 200_000),
            ["readme.txt"] = "first"u8.ToArray(),
        });
        _v11 = await _game.IngestAsync("1.1", new Dictionary<string, byte[]>
        {
            ["bin/game"] = [.. edited, .. PatchScenario.Noise(3, 1000)],
            ["data/level.pak"] = PatchScenario.Noise(2, 200_000),
            ["readme.txt"] = "second"u8.ToArray(),
        });
        await _game.IngestAsync("1.2", new Dictionary<string, byte[]>
        {
            ["bin/game"] = PatchScenario.Noise(10, 300_000),
            ["data/level.pak"] = PatchScenario.Noise(11, 200_000),
            ["readme.txt"] = "third"u8.ToArray(),
        });
        await _game.PublishAsync("1.0");
        await _game.PublishAsync("1.1");
        await _game.PublishAsync("1.2");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task First_version_on_a_branch_closes_its_chain_with_nothing()
    {
        var chain = await _game.ChainAsync("1.0");

        chain.Completed.ShouldBeEmpty();
        chain.Skipped.ShouldBeEmpty();
        chain.Failed.ShouldBeEmpty();
        chain.TimedOut.ShouldBeFalse();
        (await _game.PatchEventsAsync("1.0", "1.0")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Completed_patch_names_the_exact_manifests_and_applies_to_the_base()
    {
        var chain = await _game.ChainAsync("1.1");
        var completed = (await _game.PatchEventsAsync("1.0", "1.1"))
            .OfType<PatchCompleted>().ShouldHaveSingleItem();
        var patch = await LoadPatchAsync(completed.PatchManifestHash);
        var install = Directory.CreateTempSubdirectory("mist-patch-apply-").FullName;
        CopyTree(_game.FolderOf("1.0"), install);

        var fetcher = new StoredBlobFetcher(_game.Blobs, Lengths(patch));
        await new VersionPatchApplier(fetcher).ApplyAsync(
            install, _v10, patch, Path.Combine(install, ".staging"));

        chain.Completed.ShouldBe(["1.0"]);
        patch.BaseManifestHash.ShouldBe(Hash(_v10));
        patch.TargetManifestHash.ShouldBe(Hash(_v11));
        patch.Entries.Single(e => e.Path == "bin/game").Kind.ShouldBe(PatchEntryKind.Delta);
        completed.DownloadBytes.ShouldBeLessThan(_v11.RawBytes / 10);
        completed.BytesWritten.ShouldBeGreaterThan(300_000);
        (await TreeComparison.DifferencesAsync(_game.FolderOf("1.1"), install, ".staging"))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Pairs_with_all_new_content_are_skipped_not_shipped()
    {
        var chain = await _game.ChainAsync("1.2");

        chain.Skipped.Order().ShouldBe(["1.0", "1.1"]);
        chain.Completed.ShouldBeEmpty();
        var skipped = (await _game.PatchEventsAsync("1.1", "1.2"))
            .OfType<PatchSkipped>().ShouldHaveSingleItem();
        skipped.PatchBytes.ShouldBeGreaterThanOrEqualTo(skipped.ChunkBytes);
        (await _game.PatchEventsAsync("1.0", "1.2")).OfType<PatchCompleted>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Redelivered_request_for_a_settled_patch_appends_nothing_and_reports_it()
    {
        await _game.ChainAsync("1.1");
        var before = await _game.PatchEventsAsync("1.0", "1.1");
        await using var scope = server.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        var report = await bus.InvokeAsync<PatchSettled>(
            new GeneratePatch(PatchChain.IdFor("gen", "1.1"), "gen", "1.0", "1.1", 1));

        (report.Outcome, report.FromLabel, report.Reason)
            .ShouldBe((PatchOutcome.Completed, "1.0", (string?)null));
        (await _game.PatchEventsAsync("1.0", "1.1")).Count.ShouldBe(before.Count);
        (await _game.ChainAsync("1.1")).Completed.ShouldBe(["1.0"]);
    }

    private async Task<VersionPatch> LoadPatchAsync(string key)
    {
        await using var stream = _game.Blobs.OpenRead(key).ShouldNotBeNull();
        var blob = new byte[stream.Length];
        await stream.ReadExactlyAsync(blob);
        var buffer = new byte[1 << 20];
        var length = BlobCodec.Decompress(blob, buffer);
        var bytes = buffer.AsSpan(0, length).ToArray();
        VersionPatchSerializer.Hash(bytes).ShouldBe(key);
        return VersionPatchSerializer.Deserialize(bytes);
    }

    private static Dictionary<string, int> Lengths(VersionPatch patch)
    {
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in patch.Entries)
        {
            if (entry.PayloadKey is { } key)
            {
                lengths[key] = (int)entry.PayloadSize;
            }

            foreach (var chunk in entry.ChunkList)
            {
                lengths[chunk.Sha256] = chunk.Length;
            }
        }

        return lengths;
    }

    private static string Hash(VersionManifest manifest) =>
        ManifestSerializer.Hash(ManifestSerializer.Serialize(manifest));

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
