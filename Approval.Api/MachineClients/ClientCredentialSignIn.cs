using System.Security.Claims;
using Approval.Api.Identity;
using Microsoft.Extensions.Options;

namespace Approval.Api.MachineClients;

/// <summary>What a client-credential sign-in came to.</summary>
public abstract record ClientSignInOutcome
{
    public sealed record SignedIn(MachineClient Client, AccessToken Token) : ClientSignInOutcome;

    /// <summary>An unknown or revoked client, or a wrong secret (the caller cannot tell which).</summary>
    public sealed record WrongCredentials : ClientSignInOutcome;

    /// <summary>Too many attempts for this client id in the window: not even checked.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : ClientSignInOutcome;
}

/// <summary>
/// OAuth2's client-credentials grant (RFC 6749 §4.4) for department systems: a client id and secret, checked against the
/// stored hash within the per-account sign-in limit, give a short-lived access token
/// (<see cref="AuthOptions.ClientTokenLifetime"/>) that makes the system a reviewer of its department. There is no lockout:
/// secrets are 256 random bits, so the per-account limit is enough to make guessing hopeless.
/// </summary>
public sealed class ClientCredentialSignIn(EfMachineClients clients, Pbkdf2PasswordHasher hasher, SignInAttempts attempts,
    AccessTokenIssuer tokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The claim naming the client id in a machine client's token; the stamp check reads the client's row for it.</summary>
    public const string ClientIdClaim = "client_id";

    // Hashed once per process: an unknown client id costs one PBKDF2 run like a known one, so timing tells nothing.
    private readonly Lazy<string> _decoy = new(() => hasher.Hash(Guid.NewGuid().ToString("N")));

    public async Task<ClientSignInOutcome> SignInAsync(string clientId, string secret, CancellationToken cancellationToken = default)
    {
        var id = clientId.Trim();
        if (attempts.TryAttempt(MachineClient.UserNamePrefix + id.ToLowerInvariant()) is { } retryAfter)
            return new ClientSignInOutcome.Throttled(retryAfter);
        var stored = await clients.FindCredentialAsync(id, cancellationToken);
        var verified = hasher.Verify(secret, stored?.SecretHash ?? _decoy.Value);
        if (stored is not { } found || !verified || found.Client.IsRevoked || found.Stamp.Length == 0)
            return new ClientSignInOutcome.WrongCredentials();
        var (client, _, stamp) = found;
        var claims = ApprovalClaims.Of(client.AsUser(), stamp).Append(new Claim(ClientIdClaim, client.ClientId));
        var token = tokens.Issue(claims, options.Value.ClientTokenLifetime);
        await clients.MarkTokenIssuedAsync(client.ClientId, clock.GetUtcNow(), cancellationToken);
        return new ClientSignInOutcome.SignedIn(client, token);
    }
}
