using Mist.Application.Updates;
using Mist.Domain.Versions;

namespace Mist.Application.Tests.Updates;

/// <summary>
/// Small worlds for the planner. Every chunk is 100 bytes stored and 400 raw, every manifest
/// 10 bytes, so a chunk plan costs 10 + 100 per missing chunk.
/// </summary>
internal static class Facts
{
    public const long ChunkStored = 100;
    public const long ChunkRaw = 400;
    public const long ManifestBytes = 10;

    public static VersionFacts Published(
        string label, long sequence, string chunks, string branch = "main") =>
        Version(label, sequence, chunks, VersionStatus.Published, branch);

    public static VersionFacts Version(
        string label, long sequence, string chunks, VersionStatus status, string? branch = "main")
    {
        // One letter per chunk keeps a test's overlap between versions visible at a glance.
        var list = chunks.Select(c => new ChunkFact($"{c}", ChunkStored, ChunkRaw)).ToList();
        return new VersionFacts(
            label, status, branch, sequence, $"m-{label}", ManifestBytes, list,
            list.Count * ChunkRaw);
    }

    public static PatchFacts Patch(
        string from, string to, long download, long written = 400, long peak = 400) =>
        new(from, to, $"p-{from}-{to}", download, written, peak);

    public static ClientState Installed(VersionFacts version) =>
        new(version.Label, version.Chunks.Select(c => c.Sha256).ToHashSet());

    public static ClientState Holding(string? label, string chunks) =>
        new(label, chunks.Select(c => $"{c}").ToHashSet());

    public static IReadOnlyList<string> Route(UpdatePlan plan) =>
        [.. plan.Patches.Select(p => $"{p.From}>{p.To}")];
}
