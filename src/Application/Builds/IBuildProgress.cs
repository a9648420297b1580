namespace Mist.Application.Builds;

/// <summary>
/// Where a running ingest reports how far it has got. Progress is not an event: it is
/// overwritten as the work goes on, is not replayed by a rebuild, and a lost report costs
/// nothing but a stale progress bar.
/// </summary>
public interface IBuildProgress
{
    /// <summary>Replaces the version's last report with this one.</summary>
    Task ReportAsync(
        string slug,
        string label,
        BuildProgressSnapshot progress,
        CancellationToken cancellationToken);
}
