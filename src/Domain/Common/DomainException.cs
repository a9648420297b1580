namespace Mist.Domain.Common;

/// <summary>
/// A business rule refused a command. <see cref="Kind"/> says how the caller should read it
/// (the API maps it to 400, 404 or 409).
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    public static DomainException NotFound(string message) =>
        new(DomainErrorKind.NotFound, message);

    public static DomainException Conflict(string message) =>
        new(DomainErrorKind.Conflict, message);

    public static DomainException Invalid(string message) =>
        new(DomainErrorKind.Invalid, message);
}
