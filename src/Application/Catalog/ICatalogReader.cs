namespace Mist.Application.Catalog;

/// <summary>
/// Reads the catalog's read models. <c>includeUnpublished</c> is true for admins: players see
/// published versions only, and anything else is as if it did not exist.
/// </summary>
public interface ICatalogReader
{
    Task<IReadOnlyList<GameSummary>> ListGamesAsync(CancellationToken cancellationToken);

    Task<GameDetails?> GetGameAsync(
        string slug,
        bool includeUnpublished,
        CancellationToken cancellationToken);

    Task<VersionSummary?> GetVersionAsync(
        string slug,
        string label,
        bool includeUnpublished,
        CancellationToken cancellationToken);

    /// <summary>Whether some version the caller may see has this manifest.</summary>
    Task<bool> IsManifestVisibleAsync(
        string manifestHash,
        bool includeUnpublished,
        CancellationToken cancellationToken);

    Task<BuildStatus?> GetBuildStatusAsync(
        string slug,
        string label,
        CancellationToken cancellationToken);

    /// <summary>The patch chain of a version; null when the version does not exist.</summary>
    Task<PatchChainStatus?> GetPatchChainAsync(
        string slug,
        string label,
        CancellationToken cancellationToken);
}
