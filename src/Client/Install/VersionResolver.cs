using Mist.Client.Http;
using Mist.Delta.Hashing;

namespace Mist.Client.Install;

/// <summary>Finds the version an install asks for and checks it can be installed.</summary>
public sealed class VersionResolver(MistApiClient api)
{
    public async Task<VersionSummary> ResolveAsync(
        InstallRequest request, CancellationToken cancellationToken)
    {
        var version = request.Label is null
            ? await LatestAsync(request.Game, request.Branch, cancellationToken)
            : await api.GetVersionAsync(request.Game, request.Label, cancellationToken);

        if (version.IsWithdrawn)
        {
            throw new InstallException(
                $"{request.Game} {version.Label} was withdrawn and cannot be installed.");
        }

        if (string.IsNullOrEmpty(version.ManifestHash))
        {
            throw new InstallException(
                $"{request.Game} {version.Label} is {version.Status}; it has no build to " +
                "install yet.");
        }

        // The hash names folders under DIR/.mist; anything but a plain hash is refused.
        if (!Sha256Hex.IsValid(version.ManifestHash))
        {
            throw new InvalidDataException(
                $"The server gave '{version.ManifestHash}' as a manifest hash.");
        }

        return version;
    }

    private async Task<VersionSummary> LatestAsync(
        string game, string branch, CancellationToken cancellationToken)
    {
        var details = await api.GetGameAsync(game, cancellationToken);
        var branches = details.Branches ?? [];
        var found = branches.FirstOrDefault(b => b.Name == branch);
        if (found is null)
        {
            var names = string.Join(", ", branches.Select(b => b.Name));
            throw new InstallException(
                $"{game} has no branch '{branch}'" +
                (names.Length == 0 ? "." : $"; it has {names}."));
        }

        // The list's order is not part of the API; the publication time is.
        var latest = (found.Versions ?? [])
            .Select((v, index) => (Version: v, Index: index))
            .Where(x => x.Version.IsPublished)
            .OrderByDescending(x => x.Version.PublishedAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(x => x.Index)
            .Select(x => x.Version)
            .FirstOrDefault();
        return latest ?? throw new InstallException(
            $"{game} has no published version on branch '{branch}'.");
    }
}
