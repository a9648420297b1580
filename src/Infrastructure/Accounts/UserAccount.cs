namespace Mist.Infrastructure.Accounts;

/// <summary>
/// A person who may log in. The security stamp changes whenever the password does, and every
/// token carries the stamp it was issued with, so a reset revokes the tokens issued before it.
/// </summary>
public sealed class UserAccount(
    Guid id,
    string userName,
    string passwordHash,
    string role,
    DateTimeOffset createdAt,
    string securityStamp)
{
    public Guid Id { get; private set; } = id;

    public string UserName { get; private set; } = userName;

    public string PasswordHash { get; private set; } = passwordHash;

    public string Role { get; private set; } = role;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    public string SecurityStamp { get; private set; } = securityStamp;

    public void ChangePassword(string passwordHash, string securityStamp)
    {
        PasswordHash = passwordHash;
        SecurityStamp = securityStamp;
    }

    /// <summary>Replaces the hash after a log-in proved the password; the stamp stays.</summary>
    public void RehashPassword(string passwordHash) => PasswordHash = passwordHash;
}
