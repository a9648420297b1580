namespace Mist.Application.Contracts;

/// <summary>Asks a worker to build, verify and store the patch between two versions.</summary>
/// <param name="ChainId">The patch chain to tell the outcome.</param>
/// <param name="Slug">The game.</param>
/// <param name="FromLabel">The base version.</param>
/// <param name="ToLabel">The target version.</param>
/// <param name="Attempt">1 for the first try; a retry counts up.</param>
public sealed record GeneratePatch(
    string ChainId,
    string Slug,
    string FromLabel,
    string ToLabel,
    int Attempt);
