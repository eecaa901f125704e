namespace Approval.Api.Identity;

/// <summary>
/// Abuse limits: <c>Approval:RateLimits</c>. Each is a number of requests per <see cref="Window"/>; 0 turns that limit off.
/// A client's address is the connection's remote address: behind a reverse proxy, every client shares the proxy's.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Approval:RateLimits";

    /// <summary>The fixed window each limit counts in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts (<c>POST /api/auth/token</c> and <c>/login</c>) from one address.</summary>
    public int SignInPerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one user name, known or not, from anywhere.</summary>
    public int SignInPerAccount { get; set; } = 10;

    /// <summary>Public status queries (<c>GET /api/status</c>) from one address: the query code is the only secret.</summary>
    public int StatusQueryPerAddress { get; set; } = 30;

    /// <summary>Public calendar reads (<c>GET /api/calendar/...</c>) from one address.</summary>
    public int CalendarPerAddress { get; set; } = 300;
}
