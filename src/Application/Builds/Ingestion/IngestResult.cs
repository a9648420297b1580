using Mist.Delta.Manifests;

namespace Mist.Application.Builds.Ingestion;

/// <summary>
/// What an ingest stored. <see cref="StoredBytes"/> is the compressed size of every distinct
/// blob the manifest names, whether this run wrote it or found it stored: what the version
/// costs to download in full, and what BuildIngested records. <see cref="NewBytes"/> is what
/// this run added to storage (zero for a retry or a re-import of the same tree).
/// </summary>
public sealed record IngestResult(
    string ManifestHash,
    VersionManifest Manifest,
    int FileCount,
    long RawBytes,
    long StoredBytes,
    long NewBytes,
    int DistinctChunks,
    int NewChunks);
