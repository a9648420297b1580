using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Mist.Domain.Common;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Accounts;

/// <summary>
/// Creating users, changing passwords, checking a log-in and issuing tokens: what the log-in
/// endpoint, the <c>users</c> command and the tests share.
/// </summary>
public sealed partial class UserAccounts(
    UserStore store,
    AccessTokenIssuer tokens,
    TimeProvider time,
    ILogger<UserAccounts> logger)
{
    public const int MinimumPasswordLength = 8;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verified when the name is unknown, so that a wrong name costs as long as a wrong
    // password and response times do not reveal which names exist.
    private static readonly Lazy<string> DecoyHash = new(() =>
        Hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    /// <summary>Creates a user; throws <see cref="DomainException"/> for a taken or bad name,
    /// a short password or an unknown role.</summary>
    public async Task<UserAccount> CreateAsync(
        string userName,
        string password,
        string role,
        CancellationToken cancellationToken)
    {
        CheckUserName(userName);
        CheckPassword(password);
        if (role is not (Roles.Admin or Roles.Player))
        {
            throw DomainException.Invalid($"The role must be {Roles.Admin} or {Roles.Player}.");
        }

        var account = new UserAccount(
            Guid.CreateVersion7(), userName, "", role, time.GetUtcNow(), NewSecurityStamp());
        account.RehashPassword(Hasher.HashPassword(account, password));
        await store.AddAsync(account, cancellationToken);
        LogCreated(account.UserName, account.Role);
        return account;
    }

    /// <summary>Sets a new password and revokes every token issued before.</summary>
    public async Task<UserAccount> ResetPasswordAsync(
        string userName,
        string password,
        CancellationToken cancellationToken)
    {
        CheckPassword(password);
        var account = await store.FindByNameAsync(userName, cancellationToken)
            ?? throw DomainException.NotFound($"There is no user named '{userName}'.");

        account.ChangePassword(Hasher.HashPassword(account, password), NewSecurityStamp());
        await store.UpdateAsync(account, cancellationToken);
        LogPasswordReset(account.UserName);
        return account;
    }

    /// <summary>The account when the name and password match, otherwise null.</summary>
    public async Task<UserAccount?> VerifyAsync(
        string userName,
        string password,
        CancellationToken cancellationToken)
    {
        var account = await store.FindByNameAsync(userName, cancellationToken);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            LogRefused();
            return null;
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            LogRefused();
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // The hasher's defaults grew stronger since this hash was made; the password is
            // known right now, so upgrade it. The stamp stays: the user's tokens remain good.
            account.RehashPassword(Hasher.HashPassword(account, password));
            await store.UpdateAsync(account, cancellationToken);
        }

        return account;
    }

    /// <summary>A token for an existing user without a password: for tests and tools.</summary>
    public async Task<AccessToken> IssueTokenAsync(
        string userName,
        CancellationToken cancellationToken)
    {
        var account = await store.FindByNameAsync(userName, cancellationToken)
            ?? throw DomainException.NotFound($"There is no user named '{userName}'.");
        return tokens.Issue(account);
    }

    public AccessToken IssueToken(UserAccount account) => tokens.Issue(account);

    private static void CheckUserName(string userName)
    {
        if (!UserNamePattern().IsMatch(userName))
        {
            throw DomainException.Invalid(
                "A user name has 1 to 32 characters: ASCII letters, digits, '.', '_' or '-', " +
                "starting with a letter or digit.");
        }
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw DomainException.Invalid(
                $"A password needs at least {MinimumPasswordLength} characters.");
        }
    }

    private static string NewSecurityStamp() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    // ASCII only: PostgreSQL's lower() and .NET's ToLowerInvariant then agree on every name,
    // so the case-insensitive unique index and the lookup mean the same thing.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex UserNamePattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created user {UserName} as {Role}")]
    private partial void LogCreated(string userName, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reset the password of {UserName}")]
    private partial void LogPasswordReset(string userName);

    // No user name: people type their password into the name field often enough.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a log-in")]
    private partial void LogRefused();
}
