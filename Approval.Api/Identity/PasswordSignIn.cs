using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>Checks a user name and password against the user store.</summary>
public sealed class PasswordSignIn(EfUserStore users, Pbkdf2PasswordHasher hasher)
{
    // Hashed once per process: an unknown user name costs one PBKDF2 run like a known one, so timing tells nothing.
    private readonly Lazy<string> _decoy = new(() => hasher.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>The user, or null when the user name is unknown or the password wrong (the caller cannot tell which).</summary>
    public async Task<User?> CheckAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByUserNameAsync(userName, cancellationToken);
        var verified = hasher.Verify(password, account?.PasswordHash ?? _decoy.Value);
        return account is not null && verified ? account.User : null;
    }
}
