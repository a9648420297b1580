namespace Mist.Application.Catalog;

/// <summary>A game in the catalog list with the latest published label of each branch.</summary>
public sealed record GameSummary(
    string Slug,
    string Name,
    IReadOnlyDictionary<string, string> Latest);
