namespace Mist.Application.Contracts;

/// <summary>Asks a worker to ingest the build of a requested version.</summary>
public sealed record IngestBuild(string Slug, string Label);
