namespace Mist.Application.Builds.Ingestion;

/// <summary>
/// The source tree cannot become a version: a refused entry (see TreeException), a file that
/// cannot be read, or one that changed while it was read. Retrying the same source will not
/// help; a storage failure, which a retry may cure, surfaces as its own exception instead.
/// </summary>
public sealed class IngestException(string message, Exception? innerException = null)
    : Exception(message, innerException);
