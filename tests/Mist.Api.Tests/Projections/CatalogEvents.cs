using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Games;
using Mist.Domain.Versions;

namespace Mist.Api.Tests.Projections;

/// <summary>Builds the event histories tests append, at fixed times.</summary>
public static class CatalogEvents
{
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    public static GameRegistered Game(string slug, string name = "A Game") =>
        new(slug, name, At(0));

    public static BuildRequested Requested(string slug, string label, int minute = 1) =>
        new(slug, label, $"/imports/{slug}/{label}", At(minute));

    public static BuildIngested Ingested(
        string slug,
        string label,
        string manifestHash,
        int minute = 3) =>
        new(slug, label, manifestHash, 2, 30, 20, At(minute));

    public static VersionPublished Published(
        string slug,
        string label,
        string manifestHash,
        string branch = Naming.DefaultBranch,
        int minute = 4) =>
        new(slug, label, branch, manifestHash, At(minute));

    /// <summary>A requested, ingested and published version, oldest event first.</summary>
    public static object[] PublishedVersion(
        string slug,
        string label,
        string manifestHash,
        string branch = Naming.DefaultBranch,
        int minute = 1) =>
    [
        Requested(slug, label, minute),
        new BuildIngestStarted(slug, label, 1, At(minute + 1)),
        Ingested(slug, label, manifestHash, minute + 2),
        Published(slug, label, manifestHash, branch, minute + 3),
    ];

    /// <summary>A small tree: a folder, an executable of two chunks and a link to it.</summary>
    public static VersionManifest Manifest(string seed) => VersionManifest.Create(
    [
        new ManifestEntry("bin", EntryKind.Directory),
        new ManifestEntry("bin/game", EntryKind.File, 30, Hash(seed + "game"), Executable: true,
            Chunks: [new ChunkRef(0, 20, Hash(seed + "c1")), new ChunkRef(20, 10, Hash(seed))]),
        new ManifestEntry("readme.txt", EntryKind.File, 0, Hash("")),
        new ManifestEntry("start", EntryKind.Symlink, LinkTarget: "bin/game"),
    ]);

    public static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(text)));
}
