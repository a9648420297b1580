using Mist.Application.EventLog;
using Mist.Domain.Common;
using Mist.Domain.Versions;

namespace Mist.Application.Versions;

internal static class VersionLoader
{
    public static async Task<StreamState<GameVersion>> LoadExistingAsync(
        this IEventLog log,
        string slug,
        string label,
        CancellationToken cancellationToken) =>
        await log.LoadAsync(StreamKeys.Version(slug, label), GameVersion.Fold, cancellationToken)
        ?? throw DomainException.NotFound($"Game '{slug}' has no version '{label}'.");
}
