using Microsoft.Extensions.Options;

namespace Approval.Api.Identity;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    /// <summary>The right password for an account that is not locked.</summary>
    public sealed record SignedIn(UserAccount Account) : SignInOutcome;

    /// <summary>An unknown user name or a wrong password (the caller cannot tell which).</summary>
    public sealed record WrongCredentials : SignInOutcome;

    /// <summary>Too many attempts for this user name in the window: not even checked.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;

    /// <summary>Too many wrong passwords in a row: refused, the right one too, until the instant or an administrator's unlock.</summary>
    public sealed record LockedOut(DateTimeOffset Until, TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>
/// Checks a user name and password against the user store, within the per-account limit (<see cref="SignInAttempts"/>),
/// and locks an account after <see cref="AuthOptions.LockoutThreshold"/> wrong passwords in a row.
/// </summary>
public sealed class PasswordSignIn(EfUserStore users, Pbkdf2PasswordHasher hasher, SignInAttempts attempts, IOptions<AuthOptions> options, TimeProvider clock)
{
    // Hashed once per process: an unknown user name costs one PBKDF2 run like a known one, so timing tells nothing.
    private readonly Lazy<string> _decoy = new(() => hasher.Hash(Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> CheckAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        if (attempts.TryAttempt(EfUserStore.NormalizeUserName(userName)) is { } retryAfter)
            return new SignInOutcome.Throttled(retryAfter);
        var account = await users.FindByUserNameAsync(userName, cancellationToken);
        var now = clock.GetUtcNow();
        // Locked: the password is not even looked at, so that guessing on goes nowhere.
        if (account?.LockedUntil is { } until && until > now)
            return new SignInOutcome.LockedOut(until, until - now);
        var verified = hasher.Verify(password, account?.PasswordHash ?? _decoy.Value);
        if (account is null)
            return new SignInOutcome.WrongCredentials();
        var lockout = options.Value;
        if (!verified)
        {
            if (lockout.LockoutThreshold > 0)
                await users.RecordFailedSignInAsync(account.User.Id, lockout.LockoutThreshold, now + lockout.LockoutPeriod, cancellationToken);
            return new SignInOutcome.WrongCredentials();
        }
        if (account.FailedSignIns != 0 || account.LockedUntil is not null)
            await users.ClearFailedSignInsAsync(account.User.Id, cancellationToken);
        if (account.SecurityStamp.Length == 0)
            account = account with { SecurityStamp = await users.EnsureSecurityStampAsync(account.User.Id, cancellationToken) ?? "" };
        return new SignInOutcome.SignedIn(account);
    }
}
