namespace Mist.Domain.Common;

public enum DomainErrorKind
{
    Invalid,
    NotFound,
    Conflict,
}
