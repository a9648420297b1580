using Mist.Domain.Versions;

namespace Mist.Application.Catalog;

/// <summary>Where a version's build stands, with the worker's progress while it ingests.</summary>
public sealed record BuildStatus(
    VersionStatus Status,
    int Attempt,
    int FilesDone,
    int FilesTotal,
    long BytesDone,
    long BytesTotal,
    string? Error);
