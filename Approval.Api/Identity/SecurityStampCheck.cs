using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Api.Identity;

/// <summary>
/// Ends sessions: a cookie or bearer token is accepted only while it carries its user's current security stamp, read
/// from the Users table on every request (one primary-key read). So a sign-out, a password change or a role change
/// takes effect at once on every node sharing the database, with nothing cached to wait out.
/// </summary>
public sealed class SecurityStampCheck(EfUserStore users, MachineClients.EfMachineClients clients)
{
    /// <summary>
    /// Whether the principal's stamp is still its user's (or its machine client's, read from that client's row: a revoked
    /// client has none); false for a user no longer stored or a token without a stamp.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        var id = principal?.FindFirstValue(ApprovalClaims.UserId);
        var stamp = principal?.FindFirstValue(ApprovalClaims.SecurityStamp);
        if (id is null || string.IsNullOrEmpty(stamp))
            return false;
        var current = principal!.FindFirstValue(MachineClients.ClientCredentialSignIn.ClientIdClaim) is { } clientId
            ? await clients.FindStampInForceAsync(clientId, cancellationToken)
            : await users.FindSecurityStampAsync(id, cancellationToken);
        return current is { Length: > 0 }
               && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                   System.Text.Encoding.ASCII.GetBytes(current), System.Text.Encoding.ASCII.GetBytes(stamp));
    }

    /// <summary>A cookie whose session has ended is dropped, and the request goes on unauthenticated (401 where a sign-in is needed).</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<SecurityStampCheck>();
        if (await check.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>A token whose session has ended fails authentication with <see cref="SessionEndedException"/>.</summary>
    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<SecurityStampCheck>();
        if (!await check.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
            context.Fail(new SessionEndedException());
    }
}

/// <summary>The token's user signed out, changed password or role since it was issued (or is gone).</summary>
public sealed class SessionEndedException() : SecurityTokenValidationException("The session has ended (signed out, or the password or role changed): sign in again.");
