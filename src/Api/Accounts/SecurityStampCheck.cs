using Microsoft.AspNetCore.Authentication.JwtBearer;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Accounts;

/// <summary>
/// Refuses a well-signed token whose user is gone or whose password was reset after it was
/// issued. Costs one indexed primary-key read per request, cheap for a circle of friends.
/// </summary>
public sealed class SecurityStampCheck(UserStore store) : JwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var subject = principal?.FindFirst(MistClaims.Subject)?.Value;
        var stamp = principal?.FindFirst(MistClaims.SecurityStamp)?.Value;
        if (!Guid.TryParse(subject, out var id) || stamp is null)
        {
            context.Fail("The token names no user.");
            return;
        }

        var account = await store.FindByIdAsync(id, context.HttpContext.RequestAborted);
        if (account is null || account.SecurityStamp != stamp)
        {
            context.Fail("The token was revoked.");
        }
    }
}
