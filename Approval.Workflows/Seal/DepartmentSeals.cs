using Org.BouncyCastle.Security;

namespace Approval.Workflows.Seal;

/// <summary>What is sealed: the document's identity as its signature states it.</summary>
public sealed record SealedContent(string DocumentId, string CaseNumber, SealedDocumentKind Kind, string DepartmentCode, string DepartmentName, string Signer);

/// <summary>
/// Each department's seal: the key and certificate it signs with (issued by the product's CA the first time it is
/// needed, and again after a revocation or on a change of algorithm), its signatures, and revocation.
/// </summary>
public sealed class DepartmentSeals(CertificateAuthority authority, ISealKeyStore keys, ISealCertificates certificates, TimeProvider time)
{
    private readonly SecureRandom _random = new();

    /// <summary>The department's current seal in <paramref name="algorithm"/>, a new one issued when it has none in force.</summary>
    public async Task<(SealCertificate Certificate, SealKey Key)> CurrentAsync(string departmentCode, string departmentName, SealAlgorithm algorithm,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (await certificates.CurrentAsync(departmentCode, cancellationToken) is { } current && current.Algorithm == algorithm && current.NotAfter > now
            && keys.Find(current.KeyAlias) is { } key)
            return (current, key);
        return await IssueAsync(departmentCode, departmentName, algorithm, cancellationToken);
    }

    /// <summary>A new seal for the department; earlier ones stay valid until revoked (documents they sealed keep verifying).</summary>
    public async Task<(SealCertificate Certificate, SealKey Key)> IssueAsync(string departmentCode, string departmentName, SealAlgorithm algorithm,
        CancellationToken cancellationToken = default)
    {
        // The key is saved before the certificate is recorded: no record ever names a key that is not there.
        var (alias, key) = authority.IssueSeal(departmentCode, departmentName, algorithm);
        var record = new SealCertificate(CertificateAuthority.SerialOf(key.Certificate), departmentCode, algorithm, time.GetUtcNow(),
            new DateTimeOffset(DateTime.SpecifyKind(key.Certificate.NotAfter, DateTimeKind.Utc)), alias);
        await certificates.AddAsync(record, cancellationToken);
        return (record, key);
    }

    /// <summary>Signs the document's bytes with the seal: the detached signature that goes with them.</summary>
    public SealEnvelope Sign(byte[] document, SealedContent content, SealCertificate certificate, SealKey key)
    {
        var algorithm = certificate.Algorithm;
        var unsigned = new SealEnvelope
        {
            DocumentId = content.DocumentId,
            CaseNumber = content.CaseNumber,
            Kind = content.Kind,
            DepartmentCode = content.DepartmentCode,
            DepartmentName = content.DepartmentName,
            Signer = content.Signer,
            Algorithm = algorithm,
            DigestAlgorithm = algorithm.DigestName(),
            Digest = Convert.ToHexStringLower(algorithm.Digest(document)),
            SignedAt = time.GetUtcNow(),
            Certificates = [.. authority.ChainOf(key, algorithm).Select(c => Convert.ToBase64String(c.GetEncoded()))],
        };
        return unsigned with { Signature = Convert.ToBase64String(algorithm.Sign(key.PrivateKey, unsigned.ToBeSigned(), _random)) };
    }

    /// <summary>Revokes a certificate now; its department's next seal gets a new one.</summary>
    public Task<SealCertificate?> RevokeAsync(string serial, string reason, string by, CancellationToken cancellationToken = default) =>
        certificates.RevokeAsync(serial.Trim().ToLowerInvariant(), time.GetUtcNow(), reason, by, cancellationToken);

    /// <summary>The CRL of the algorithm's issuing CA, with every certificate revoked so far.</summary>
    public async Task<byte[]> RevocationListAsync(SealAlgorithm algorithm, CancellationToken cancellationToken = default)
    {
        var revoked = (await certificates.ListAsync(cancellationToken)).Where(c => c.Algorithm == algorithm && c.RevokedAt is not null);
        return authority.RevocationList(algorithm, revoked.Select(c => (c.Serial, c.RevokedAt!.Value)));
    }
}
