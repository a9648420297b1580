namespace Mist.Application.Contracts;

/// <summary>Starts the patch chain of a version that was just published.</summary>
/// <param name="Slug">The game.</param>
/// <param name="Label">The published version, the target of every patch of the chain.</param>
public sealed record StartPatchChain(string Slug, string Label);
