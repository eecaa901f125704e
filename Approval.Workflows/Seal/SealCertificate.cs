namespace Approval.Workflows.Seal;

/// <summary>
/// A department's seal certificate as the product keeps it (its public part only: the key is in the key store under
/// <see cref="KeyAlias"/>), and whether and when it was revoked.
/// </summary>
public sealed record SealCertificate(string Serial, string DepartmentCode, SealAlgorithm Algorithm, DateTimeOffset IssuedAt, DateTimeOffset NotAfter,
    string KeyAlias, DateTimeOffset? RevokedAt = null, string? RevocationReason = null, string? RevokedBy = null);

/// <summary>The departments' seal certificates: which one a department signs with, and which are revoked.</summary>
public interface ISealCertificates
{
    /// <summary>The department's newest certificate not revoked, or null.</summary>
    Task<SealCertificate?> CurrentAsync(string departmentCode, CancellationToken cancellationToken = default);

    Task<SealCertificate?> FindAsync(string serial, CancellationToken cancellationToken = default);

    Task AddAsync(SealCertificate certificate, CancellationToken cancellationToken = default);

    /// <summary>Marks the certificate revoked at <paramref name="at"/>; one already revoked keeps its first revocation.</summary>
    /// <returns>The certificate as it now stands, or null when there is none with that serial.</returns>
    Task<SealCertificate?> RevokeAsync(string serial, DateTimeOffset at, string reason, string by, CancellationToken cancellationToken = default);

    /// <summary>Every certificate, newest first.</summary>
    Task<IReadOnlyList<SealCertificate>> ListAsync(CancellationToken cancellationToken = default);
}
