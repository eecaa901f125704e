using Approval.Api.Contract;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Approval.Api.Identity;

/// <summary>
/// Per-address limits (ASP.NET Core's rate limiter, fixed windows of <see cref="RateLimitOptions.Window"/>) on what anyone
/// may try without being known: signing in, the public status query, the public calendar. Endpoints opt in with
/// <c>RequireRateLimiting(RateLimits.X)</c>; per-account sign-in limits and the lockout are <see cref="PasswordSignIn"/>'s.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string StatusQuery = "status-query";
    public const string Calendar = "public-calendar";

    public static IServiceCollection AddApprovalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.Window > TimeSpan.Zero, $"{RateLimitOptions.Section}:Window must be positive.")
            .Validate(o => o.SignInPerAddress >= 0 && o.SignInPerAccount >= 0 && o.StatusQueryPerAddress >= 0 && o.CalendarPerAddress >= 0,
                $"{RateLimitOptions.Section}: a limit is a number of requests, 0 for none.")
            .ValidateOnStart();
        services.AddSingleton<SignInAttempts>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, options) =>
        {
            var limits = options.Value;
            limiter.AddPolicy(SignIn, context => PerAddress(context, limits.SignInPerAddress, limits.Window));
            limiter.AddPolicy(StatusQuery, context => PerAddress(context, limits.StatusQueryPerAddress, limits.Window));
            limiter.AddPolicy(Calendar, context => PerAddress(context, limits.CalendarPerAddress, limits.Window));
            limiter.OnRejected = (rejected, cancellationToken) => TooManyRequests.WriteAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window,
                ApiReasons.TooManyFromAddress, cancellationToken);
        });
        return services;
    }

    /// <summary>Counts requests against the limits; after routing (the endpoint names its policy), before authentication.</summary>
    public static WebApplication UseApprovalRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A fixed window of its own for each fixed-window limit's partition; no limit when <paramref name="permits"/> is 0.</summary>
    internal static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        permits == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, TimeSpan window) =>
        FixedWindow(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", permits, window);
}
