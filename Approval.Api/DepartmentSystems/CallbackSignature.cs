using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Approval.Api.DepartmentSystems;

/// <summary>
/// HMAC-SHA256 signatures of a request body: <c>X-Approval-Signature: sha256=</c> the lower-case hex of
/// HMAC-SHA256(secret, <c>{X-Approval-Timestamp}.{body}</c>), the timestamp in Unix seconds. Signing the timestamp with the
/// body means an old request cannot be sent again with a fresh timestamp; the tolerance window bounds how old a signature may be.
/// </summary>
public static class CallbackSignature
{
    public const string SignatureHeader = "X-Approval-Signature";
    public const string TimestampHeader = "X-Approval-Timestamp";
    private const string Scheme = "sha256=";

    /// <summary>The header value for a body signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Why a signed request is refused, or null when its signature is good and its timestamp recent.</summary>
    public static string? Refusal(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"{TimestampHeader} is not a Unix time in seconds";
        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if ((now - at).Duration() > tolerance)
            return $"{TimestampHeader} is more than {tolerance.TotalMinutes:0.#} minutes from now: a late or replayed request";
        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes((signature ?? "").Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : $"{SignatureHeader} does not match the body";
    }
}
