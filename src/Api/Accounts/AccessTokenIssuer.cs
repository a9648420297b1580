using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Accounts;

/// <summary>
/// Signs HS256 JWTs naming the user, the role and the user's current security stamp.
/// </summary>
public sealed class AccessTokenIssuer(
    SigningKeySource keys,
    IOptions<AuthOptions> options,
    TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(UserAccount account)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = MistClaims.Issuer,
            Audience = MistClaims.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(MistClaims.Subject, account.Id.ToString()),
                new Claim(MistClaims.Name, account.UserName),
                new Claim(MistClaims.Role, account.Role),
                new Claim(MistClaims.SecurityStamp, account.SecurityStamp),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return new AccessToken(_handler.CreateToken(descriptor), expiresAt);
    }
}
