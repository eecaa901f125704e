namespace Approval.Api.Identity;

/// <summary>Sign-in settings: <c>Approval:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Approval:Auth";

    /// <summary>Issuer and audience of the access tokens this application issues and accepts.</summary>
    public const string TokenIssuer = "approval";

    /// <summary>
    /// The HMAC-SHA256 key signing access tokens (its UTF-8 bytes, at least 32). Absent: a random key is generated once
    /// and kept in <c>signing.key</c> in the data folder. Nodes sharing a database must share this key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an access token or a sign-in cookie is good for.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a machine client's access token is good for (the client-credentials grant): short, since a department system
    /// asks for a new one whenever it likes, and a revoked client is refused at its next request anyway.
    /// </summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>PBKDF2 iterations for new password hashes (OWASP's figure for SHA-256); stored hashes keep their own count.</summary>
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>Wrong passwords in a row that lock an account (0: never locked). The count is on the user's row, shared by every node.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in, even with the right password, unless an administrator unlocks it.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
