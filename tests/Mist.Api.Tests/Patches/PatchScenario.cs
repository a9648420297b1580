using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Mist.Api.Tests.Support;
using Mist.Application.Builds.Ingestion;
using Mist.Application.Storage;
using Mist.Application.Versions.PublishVersion;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Games;
using Mist.Domain.Versions;

namespace Mist.Api.Tests.Patches;

/// <summary>
/// Small made-up versions of one game, ingested into a real server's storage and published
/// through the real command, so their patch chains run as in production.
/// </summary>
public sealed class PatchScenario(ServerFixture server, string slug)
{
    public string Slug { get; } = slug;

    public IBlobStore Blobs => server.Services.GetRequiredService<IBlobStore>();

    public string FolderOf(string label) => Path.Combine(server.ImportRoot, Slug, label);

    /// <summary>Random but repeatable content of the given size.</summary>
    public static byte[] Noise(int seed, int size)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes the files into the version's folder and ingests it.</summary>
    public async Task<VersionManifest> IngestAsync(
        string label, IReadOnlyDictionary<string, byte[]> files)
    {
        var folder = FolderOf(label);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, content);
        }

        var result = await new BuildIngestor(Blobs).IngestAsync(folder, null, default);
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(StreamKeys.Game(Slug)) is null)
        {
            session.Events.StartStream(StreamKeys.Game(Slug),
                new GameRegistered(Slug, Slug, DateTimeOffset.UtcNow));
        }

        var now = DateTimeOffset.UtcNow;
        session.Events.StartStream(StreamKeys.Version(Slug, label),
            new BuildRequested(Slug, label, folder, now),
            new BuildIngestStarted(Slug, label, 1, now),
            new BuildIngested(Slug, label, result.ManifestHash, result.FileCount,
                result.RawBytes, result.StoredBytes, now));
        await session.SaveChangesAsync();
        return result.Manifest;
    }

    public async Task PublishAsync(string label, string branch = Naming.DefaultBranch)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new PublishVersion(Slug, label, branch));
    }

    public async Task<IReadOnlyList<object>> EventsAsync(string streamKey)
    {
        var store = server.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey);
        return [.. events.Select(e => e.Data)];
    }

    /// <summary>The stored manifest of an ingested version.</summary>
    public async Task<VersionManifest> ManifestAsync(string label)
    {
        var ingested = (await EventsAsync(StreamKeys.Version(Slug, label)))
            .OfType<BuildIngested>().Single();
        var bytes = await Blobs.GetManifestAsync(ingested.ManifestHash, default);
        return ManifestSerializer.Deserialize(bytes.ShouldNotBeNull());
    }

    public Task<IReadOnlyList<object>> PatchEventsAsync(string from, string to) =>
        EventsAsync(StreamKeys.Patch(Slug, from, to));

    /// <summary>Waits for the version's chain to close and returns how it closed.</summary>
    public async Task<PatchChainCompleted> ChainAsync(string label, TimeSpan? timeout = null) =>
        await Eventually.GetAsync(
            async () => (await EventsAsync(StreamKeys.Version(Slug, label)))
                .OfType<PatchChainCompleted>().SingleOrDefault(),
            _ => true,
            timeout ?? TimeSpan.FromSeconds(90),
            $"the patch chain of {Slug}/{label}");

    /// <summary>Moves a blob out of storage; the returned action puts it back.</summary>
    public Action HideBlob(string key)
    {
        var path = Blobs.PathFor(key);
        var hidden = path + ".hidden";
        File.Move(path, hidden);
        return () => File.Move(hidden, path);
    }
}
