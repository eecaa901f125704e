using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Approval.Workflows.Seal;

/// <summary>
/// Checks a document against its detached signature: the chain up to the product's own root (nothing else is
/// trusted), the signature over the envelope, the digest of the bytes, and the certificate's revocation at the
/// signing time.
/// </summary>
public sealed class SealVerifier(CertificateAuthority authority, ISealCertificates certificates)
{
    public async Task<SealVerification> VerifyAsync(byte[] document, SealEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var chain = Read(envelope.Certificates);
        if (chain is null || chain.Count < 2)
            return SealVerification.Unknown with { Verdict = SealVerdict.Untrusted };
        var (seal, issuing) = (chain[0], chain[1]);
        var root = authority.Root(envelope.Algorithm).Certificate;
        var trusted = SignedBy(issuing, root) && SignedBy(seal, issuing) && seal.IsValid(envelope.SignedAt.UtcDateTime);
        var signatureHolds = Holds(envelope, seal);
        var unaltered = signatureHolds && string.Equals(Convert.ToHexStringLower(envelope.Algorithm.Digest(document)), envelope.Digest, StringComparison.Ordinal);
        var record = trusted ? await certificates.FindAsync(CertificateAuthority.SerialOf(seal), cancellationToken) : null;
        var revokedAt = record?.RevokedAt;
        var verdict = !trusted || record is null ? SealVerdict.Untrusted
            : !unaltered ? SealVerdict.Altered
            : revokedAt is null ? SealVerdict.Valid
            : revokedAt > envelope.SignedAt ? SealVerdict.ValidWhenSignedRevokedSince
            : SealVerdict.Revoked;
        IEnumerable<X509Certificate> links = trusted ? [seal, issuing, root] : chain;
        return new SealVerification(verdict, unaltered, trusted && record is not null, revokedAt is not null, revokedAt, envelope.DocumentId, envelope.CaseNumber,
            envelope.Kind, envelope.DepartmentCode, envelope.DepartmentName, envelope.Signer, envelope.SignedAt, envelope.Algorithm,
            [.. links.Select(Link)]);
    }

    private static List<X509Certificate>? Read(IReadOnlyList<string> encoded)
    {
        var parser = new X509CertificateParser();
        var chain = new List<X509Certificate>();
        foreach (var text in encoded)
        {
            var der = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, der, out var length))
                return null;
            try
            {
                if (parser.ReadCertificate(der[..length]) is not { } certificate)
                    return null;
                chain.Add(certificate);
            }
            catch (Exception e) when (e is CertificateException or IOException or ArgumentException or InvalidCastException)
            {
                return null;
            }
        }
        return chain;
    }

    private static bool SignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        if (!certificate.IssuerDN.Equivalent(issuer.SubjectDN))
            return false;
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is CertificateException or InvalidKeyException or SignatureException or SecurityUtilityException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }

    private static bool Holds(SealEnvelope envelope, X509Certificate seal)
    {
        var signature = new byte[envelope.Signature.Length];
        if (!Convert.TryFromBase64String(envelope.Signature, signature, out var length))
            return false;
        try
        {
            return envelope.Algorithm.Verifies(seal.GetPublicKey(), envelope.ToBeSigned(), signature[..length]);
        }
        catch (Exception e) when (e is InvalidKeyException or SecurityUtilityException or ArgumentException or InvalidCastException or Org.BouncyCastle.Crypto.CryptoException)
        {
            return false;
        }
    }

    private static CertificateLink Link(X509Certificate certificate) => new(certificate.SubjectDN.ToString(), certificate.IssuerDN.ToString(),
        CertificateAuthority.SerialOf(certificate), Utc(certificate.NotBefore), Utc(certificate.NotAfter));

    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
