namespace Mist.Client.Http;

/// <summary>A game in the catalog list; <see cref="Latest"/> maps a branch to its label.</summary>
public sealed record GameSummary(
    string Slug,
    string Name,
    IReadOnlyDictionary<string, string>? Latest);
