using System.Security.Claims;
using Approval.Workflows.People;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Api.Identity;

/// <summary>An access token and the instant it stops being accepted.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues JWT access tokens (HMAC-SHA256, issuer and audience <c>approval</c>) carrying a user's claims and security stamp,
/// timed on the injected clock.
/// </summary>
public sealed class AccessTokenIssuer(TokenSigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(UserAccount account) => Issue(ApprovalClaims.Of(account), options.Value.TokenLifetime);

    /// <summary>A token carrying the claims (a user's or a machine client's, with their stamp), good for <paramref name="lifetime"/>.</summary>
    public AccessToken Issue(IEnumerable<Claim> subject, TimeSpan lifetime)
    {
        // Whole seconds, as JWT times are: the expiry answered is the one in the token.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var expiresAt = now + lifetime;
        var claims = subject.Append(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.TokenIssuer,
            Audience = AuthOptions.TokenIssuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = key.Credentials,
        });
        return new AccessToken(token, expiresAt);
    }

    /// <summary>What a bearer token must be to be accepted: ours, signed with our key, within its lifetime on the injected clock.</summary>
    public static TokenValidationParameters ValidationParameters(TokenSigningKey key, TimeProvider clock) => new()
    {
        ValidIssuer = AuthOptions.TokenIssuer,
        ValidAudience = AuthOptions.TokenIssuer,
        IssuerSigningKey = key.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        // IdentityModel reads the system clock; the lifetime is checked here on the injected one instead.
        LifetimeValidator = (notBefore, expires, _, parameters) => WithinLifetime(notBefore, expires, clock.GetUtcNow().UtcDateTime, parameters.ClockSkew),
        NameClaimType = ApprovalClaims.UserName,
        RoleClaimType = ApprovalClaims.Role,
    };

    private static bool WithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew)
    {
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore > now + skew)
            throw new SecurityTokenNotYetValidException($"The token is not valid before {notBefore:O}.") { NotBefore = notBefore.Value };
        if (expires < now - skew)
            throw new SecurityTokenExpiredException($"The token expired at {expires:O}.") { Expires = expires.Value };
        return true;
    }
}
