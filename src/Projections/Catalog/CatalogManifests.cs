using Microsoft.Extensions.Logging;
using Mist.Application.Storage;
using Mist.Delta.Manifests;
using Mist.Domain.Versions;

namespace Mist.Projections.Catalog;

/// <summary>
/// Reads the manifests that BuildIngested events name. A manifest is immutable and addressed
/// by its hash, so reading it gives the same entries on every replay: the projection stays a
/// function of the log.
/// </summary>
public static class CatalogManifests
{
    public static async Task<IReadOnlyDictionary<string, VersionManifest?>> LoadAsync(
        IBlobStore blobs,
        IEnumerable<object> events,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var manifests = new Dictionary<string, VersionManifest?>(StringComparer.Ordinal);
        foreach (var ingested in events.OfType<BuildIngested>())
        {
            if (!manifests.ContainsKey(ingested.ManifestHash))
            {
                manifests[ingested.ManifestHash] =
                    await ReadAsync(blobs, ingested, logger, cancellationToken);
            }
        }

        return manifests;
    }

    private static async Task<VersionManifest?> ReadAsync(
        IBlobStore blobs,
        BuildIngested ingested,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await blobs.GetManifestAsync(ingested.ManifestHash, cancellationToken);
            if (bytes is not null)
            {
                return ManifestSerializer.Deserialize(bytes);
            }
        }
        catch (InvalidDataException e)
        {
            logger.LogError(e, "Manifest {ManifestHash} of {GameSlug}/{VersionLabel} is damaged",
                ingested.ManifestHash, ingested.Slug, ingested.Label);
            return null;
        }

        // Stalling the whole catalog on one lost file would be worse than a version without
        // its entries; a rebuild fills them in once the manifest is restored.
        logger.LogError(
            "Manifest {ManifestHash} of {GameSlug}/{VersionLabel} is not in storage; the " +
            "version is listed without its entries", ingested.ManifestHash, ingested.Slug,
            ingested.Label);
        return null;
    }
}
