namespace Mist.Domain.Versions;

public enum VersionStatus
{
    Requested,
    Ingesting,
    Ingested,
    Failed,
    Published,
    Withdrawn,
}
