namespace Mist.Application.Updates;

/// <summary>
/// What a client has on disk.
/// </summary>
/// <param name="InstalledLabel">
/// The version it has installed, or null for a fresh install or an install it cannot name.
/// </param>
/// <param name="HeldChunks">
/// Hashes of the chunks it holds: its installed manifest's chunks, or for a repair the subset
/// it verified. The planner only calls <c>Contains</c>, so the set's comparer decides case.
/// </param>
public sealed record ClientState(string? InstalledLabel, IReadOnlySet<string> HeldChunks)
{
    /// <summary>A client with nothing installed.</summary>
    public static ClientState Fresh { get; } = new(null, new HashSet<string>());
}
