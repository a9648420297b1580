using Mist.Delta.Chunking;

namespace Mist.Application.Builds.Ingestion;

/// <summary>A chunk read from a file, waiting to be hashed, compressed and stored. Whoever
/// takes it from the queue disposes its buffer.</summary>
internal sealed record ChunkJob(FileWork File, int Index, ChunkBuffer Buffer);
