using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Approval.Api.Identity;

/// <summary>
/// Sign-in attempts per user name (<see cref="RateLimitOptions.SignInPerAccount"/>), whoever sends them and whether the
/// user exists: one address cannot try many passwords on an account, nor many addresses together beyond the limit.
/// Counted in this process: with several nodes, each allows the limit (the lockout on the user's row is shared).
/// </summary>
public sealed class SignInAttempts(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userName =>
        RateLimits.FixedWindow(userName, options.Value.SignInPerAccount, options.Value.Window));

    /// <summary>Null when the attempt may go on; else how long to wait.</summary>
    public TimeSpan? TryAttempt(string normalizedUserName)
    {
        using var lease = _limiter.AttemptAcquire(normalizedUserName);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Value.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
