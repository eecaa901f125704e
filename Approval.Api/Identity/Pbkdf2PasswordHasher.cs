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
    /// <summary>
    /// The floor in the <c>Testing</c> environment only (the test suite's applications): each of about a thousand hashes the
    /// demo users' passwords at start, which at <see cref="MinimumIterations"/> was minutes of every run. Never in production.
    /// </summary>
    public const int TestingMinimumIterations = 1_000;
    public const string TestingEnvironment = "Testing";
    // A bound on what a stored hash may ask for, so that a tampered row cannot make a sign-in spin for minutes.
    private const int MaximumIterations = 10_000_000;
    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly int _iterations;
    private readonly int _minimum;

    /// <param name="minimumIterations">The fewest a hash may have, to be written or verified: <see cref="MinimumIterations"/>
    /// except in the Testing environment (<see cref="MinimumFor"/>).</param>
    public Pbkdf2PasswordHasher(int iterations, int minimumIterations = MinimumIterations)
    {
        if (minimumIterations is not (MinimumIterations or TestingMinimumIterations))
            throw new ArgumentOutOfRangeException(nameof(minimumIterations), minimumIterations, $"The floor is {MinimumIterations} ({TestingMinimumIterations} for tests).");
        if (iterations < minimumIterations || iterations > MaximumIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"PBKDF2 iterations must be from {minimumIterations} to {MaximumIterations}.");
        _iterations = iterations;
        _minimum = minimumIterations;
    }

    /// <summary>The floor for an environment: <see cref="TestingMinimumIterations"/> in <c>Testing</c>, else <see cref="MinimumIterations"/>.</summary>
    public static int MinimumFor(IHostEnvironment environment) =>
        environment.IsEnvironment(TestingEnvironment) ? TestingMinimumIterations : MinimumIterations;

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
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < _minimum || iterations > MaximumIterations
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
