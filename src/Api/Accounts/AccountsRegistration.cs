using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using Mist.Infrastructure.Accounts;

namespace Mist.Api.Accounts;

public static class AccountsRegistration
{
    /// <summary>
    /// Users, bearer-token authentication and the two role policies. Everything needs a
    /// logged-in user unless its endpoint says <c>AllowAnonymous</c>.
    /// </summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.AddAccountStore();
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero,
                $"{AuthOptions.Section}:TokenLifetime must be positive.")
            .Validate(o => o.SigningKey is { Length: > 0 }
                    || SigningKeySource.KeyPath(builder.Configuration) is not null,
                $"Set {AuthOptions.Section}:SigningKey, or {SigningKeySource.DataRootKey} " +
                "so that a signing key can be generated and kept there.")
            .ValidateOnStart();

        builder.Services.AddSingleton<SigningKeySource>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<UserAccounts>();
        builder.Services.AddSingleton<SecurityStampCheck>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeySource>(Configure);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Roles.PlayerPolicy, policy => policy.RequireAuthenticatedUser())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build());
        return builder;
    }

    private static void Configure(JwtBearerOptions options, SigningKeySource keys)
    {
        // Keep the short JWT claim names ("role", "name") instead of mapping them to the
        // long XML-era URIs, so the principal reads like the token.
        options.MapInboundClaims = false;
        options.EventsType = typeof(SecurityStampCheck);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = MistClaims.Issuer,
            ValidAudience = MistClaims.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = MistClaims.Name,
            RoleClaimType = MistClaims.Role,
            // Only this server's nodes issue tokens; their clocks differ by little.
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
        };
    }
}
