using Mist.Application.Catalog;
using Mist.Application.Storage;
using Mist.Delta.Manifests;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Updates.GetUpdatePlan;

/// <summary>
/// Gathers what the planner weighs from the catalog and the blob store. Only the installed
/// version and the candidate target need their chunks: the planner reads the others' status
/// alone. Stored sizes come from the blob store, which knows each blob's length.
/// </summary>
public sealed class UpdateFactsLoader(IBlobStore blobs)
{
    public async Task<UpdateFacts> LoadAsync(
        GameDetails game,
        string? fromLabel,
        UpdateTarget target,
        CancellationToken cancellationToken)
    {
        var versions = game.Branches.SelectMany(b => b.Versions).Concat(game.Unpublished)
            .DistinctBy(v => v.Label, StringComparer.Ordinal)
            .ToList();
        if (fromLabel is not null && versions.All(v => v.Label != fromLabel))
        {
            throw DomainException.NotFound($"Version '{fromLabel}' is not a version of this game.");
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (fromLabel is not null)
        {
            wanted.Add(fromLabel);
        }

        if (CandidateTarget(versions, target) is { } candidate)
        {
            wanted.Add(candidate);
        }

        var facts = new List<VersionFacts>();
        foreach (var version in versions)
        {
            facts.Add(await FactsOfAsync(version, wanted.Contains(version.Label),
                cancellationToken));
        }

        var client = fromLabel is null
            ? ClientState.Fresh
            : new ClientState(fromLabel, facts.Single(f => f.Label == fromLabel).Chunks
                .Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal));
        var patches = game.Patches
            .Select(p => new PatchFacts(p.From, p.To, p.PatchManifestHash, p.DownloadBytes,
                p.BytesWritten, p.PeakExtraBytes))
            .ToList();
        return new UpdateFacts(facts, patches, client);
    }

    private static string? CandidateTarget(List<VersionSummary> versions, UpdateTarget target) =>
        target.Label ?? versions
            .Where(v => v.Status == VersionStatus.Published && v.Branch == target.Branch)
            .OrderByDescending(Sequence)
            .ThenBy(v => v.Label, StringComparer.Ordinal)
            .Select(v => v.Label)
            .FirstOrDefault();

    private async Task<VersionFacts> FactsOfAsync(
        VersionSummary version, bool withChunks, CancellationToken cancellationToken)
    {
        var manifestBytes = 0L;
        var rawBytes = version.RawBytes;
        List<ChunkFact> chunks = [];
        if (withChunks && version.ManifestHash is { } hash &&
            await blobs.GetManifestAsync(hash, cancellationToken) is { } bytes)
        {
            var manifest = ManifestSerializer.Deserialize(bytes);
            manifestBytes = bytes.Length;
            rawBytes = manifest.RawBytes;

            // A chunk missing from storage is weighed at its raw size; the download would
            // fail anyway, and a plan that says so in bytes is still the honest estimate.
            chunks = [.. manifest.Entries.SelectMany(e => e.ChunkList)
                .DistinctBy(c => c.Sha256, StringComparer.Ordinal)
                .Select(c => new ChunkFact(c.Sha256, blobs.GetLength(c.Sha256) ?? c.Length,
                    c.Length))];
        }

        return new VersionFacts(version.Label, version.Status, version.Branch, Sequence(version),
            version.ManifestHash ?? "", manifestBytes, chunks, rawBytes);
    }

    // The catalog orders a branch by publication time; ticks keep that order as a number.
    private static long Sequence(VersionSummary version) =>
        version.PublishedAt?.UtcTicks ?? 0;
}
