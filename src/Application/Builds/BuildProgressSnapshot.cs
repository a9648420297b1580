namespace Mist.Application.Builds;

/// <summary>
/// How far one ingest attempt has got. Totals are known after the tree walk; before it they
/// are zero.
/// </summary>
public sealed record BuildProgressSnapshot(
    int Attempt,
    int FilesDone,
    int FilesTotal,
    long BytesDone,
    long BytesTotal);
