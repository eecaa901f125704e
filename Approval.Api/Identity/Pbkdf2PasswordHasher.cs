using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Approval.Api.Identity;

/// <summary>
/// Password hashes as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64): PBKDF2 with HMAC-SHA256, a
/// random 16-byte salt per hash, and the iteration count stored beside it so that raising it later breaks no password.
/// </summary>
public sealed class Pbkdf2PasswordHasher
{
    public const int MinimumIterations = 100_000;
    // A bound on what a stored hash may ask for, so that a tampered row cannot make a sign-in spin for minutes.
    private const int MaximumIterations = 10_000_000;
    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly int _iterations;

    public Pbkdf2PasswordHasher(int iterations)
    {
        if (iterations is < MinimumIterations or > MaximumIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"PBKDF2 iterations must be from {MinimumIterations} to {MaximumIterations}.");
        _iterations = iterations;
    }

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, _iterations);
        return string.Join('$', Algorithm, _iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether the password gives the stored hash; false for a hash this class did not write.</summary>
    public bool Verify(string password, string storedHash)
    {
        var parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < MinimumIterations or > MaximumIterations
            || !TryBase64(parts[2], out var salt) || !TryBase64(parts[3], out var expected) || expected.Length != HashBytes)
            return false;
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }
}
