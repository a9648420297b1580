namespace Mist.Application.Updates.GetUpdatePlan;

/// <summary>Everything <see cref="UpdatePlanner.Plan"/> weighs for one request.</summary>
public sealed record UpdateFacts(
    IReadOnlyCollection<VersionFacts> Versions,
    IReadOnlyCollection<PatchFacts> Patches,
    ClientState Client);
