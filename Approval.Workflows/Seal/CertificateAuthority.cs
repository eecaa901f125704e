using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Approval.Workflows.Seal;

/// <summary>
/// The product's own certificate authority for the demo: per algorithm a root and an issuing CA, created on first use and
/// kept in the key store, and the departments' seal certificates the issuing CA signs. An SM2 seal chains to an SM2
/// root, an ECDSA seal to an ECDSA root, so that each chain is verified with one family of algorithms.
/// </summary>
public sealed class CertificateAuthority(ISealKeyStore keys, TimeProvider time)
{
    private const string Organisation = "行政服务中心 电子印章";
    private static readonly TimeSpan RootLifetime = TimeSpan.FromDays(365 * 20);
    private static readonly TimeSpan IssuingLifetime = TimeSpan.FromDays(365 * 10);
    /// <summary>A department's seal is renewed (a new key) at least every five years.</summary>
    public static readonly TimeSpan SealLifetime = TimeSpan.FromDays(365 * 5);
    // Nodes' clocks differ a little: a certificate made on one is already valid on the others.
    private static readonly TimeSpan Backdate = TimeSpan.FromDays(1);

    private readonly SecureRandom _random = new();
    private readonly Lock _creating = new();

    public static string RootAlias(SealAlgorithm algorithm) => $"root-{Short(algorithm)}";

    public static string IssuingAlias(SealAlgorithm algorithm) => $"issuing-{Short(algorithm)}";

    private static string Short(SealAlgorithm algorithm) => algorithm == SealAlgorithm.Sm2Sm3 ? "sm2" : "ecdsa";

    /// <summary>The root of the algorithm's chain: what a verifier trusts.</summary>
    public SealKey Root(SealAlgorithm algorithm)
    {
        if (keys.Find(RootAlias(algorithm)) is { } root)
            return root;
        lock (_creating)
        {
            if (keys.Find(RootAlias(algorithm)) is { } created)
                return created;
            var pair = algorithm.NewKeyPair(_random);
            var name = Name($"审批电子印章根证书 Approval seal root ({algorithm})");
            var certificate = Certificate(name, pair.Public, name, pair.Private, algorithm, RootLifetime, new BasicConstraints(1),
                KeyUsage.KeyCertSign | KeyUsage.CrlSign);
            return keys.Save(RootAlias(algorithm), new SealKey(pair.Private, certificate));
        }
    }

    /// <summary>The CA that signs the departments' certificates and the revocation list.</summary>
    public SealKey Issuing(SealAlgorithm algorithm)
    {
        if (keys.Find(IssuingAlias(algorithm)) is { } issuing)
            return issuing;
        var root = Root(algorithm);
        lock (_creating)
        {
            if (keys.Find(IssuingAlias(algorithm)) is { } created)
                return created;
            var pair = algorithm.NewKeyPair(_random);
            var certificate = Certificate(Name($"审批电子印章签发机构 Approval seal issuing CA ({algorithm})"), pair.Public, root.Certificate.SubjectDN,
                root.PrivateKey, algorithm, IssuingLifetime, new BasicConstraints(0), KeyUsage.KeyCertSign | KeyUsage.CrlSign);
            return keys.Save(IssuingAlias(algorithm), new SealKey(pair.Private, certificate));
        }
    }

    /// <summary>A new key for the department's seal, with its certificate, saved in the key store under the returned alias.</summary>
    public (string Alias, SealKey Key) IssueSeal(string departmentCode, string departmentName, SealAlgorithm algorithm)
    {
        var issuing = Issuing(algorithm);
        var pair = algorithm.NewKeyPair(_random);
        var subject = new X509Name(
            new List<DerObjectIdentifier> { X509Name.CN, X509Name.OU, X509Name.O },
            new List<string> { departmentName, departmentCode, Organisation });
        var certificate = Certificate(subject, pair.Public, issuing.Certificate.SubjectDN, issuing.PrivateKey, algorithm, SealLifetime,
            new BasicConstraints(false), KeyUsage.DigitalSignature | KeyUsage.NonRepudiation);
        var alias = $"seal-{SerialOf(certificate)}";
        return (alias, keys.Save(alias, new SealKey(pair.Private, certificate)));
    }

    /// <summary>The chain a seal's signature carries: its own certificate, then the issuing CA's (the root is the verifier's).</summary>
    public IReadOnlyList<X509Certificate> ChainOf(SealKey seal, SealAlgorithm algorithm) => [seal.Certificate, Issuing(algorithm).Certificate];

    /// <summary>The certificate revocation list of the algorithm's issuing CA (DER), valid for a day.</summary>
    public byte[] RevocationList(SealAlgorithm algorithm, IEnumerable<(string Serial, DateTimeOffset RevokedAt)> revoked)
    {
        var issuing = Issuing(algorithm);
        var now = time.GetUtcNow();
        var list = new X509V2CrlGenerator();
        list.SetIssuerDN(issuing.Certificate.SubjectDN);
        list.SetThisUpdate(now.UtcDateTime);
        list.SetNextUpdate(now.AddDays(1).UtcDateTime);
        foreach (var (serial, at) in revoked)
            list.AddCrlEntry(new BigInteger(serial, 16), at.UtcDateTime, CrlReason.KeyCompromise);
        list.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BigInteger.ValueOf(now.ToUnixTimeSeconds())));
        return list.Generate(new Asn1SignatureFactory(algorithm.SignatureName(), issuing.PrivateKey, _random)).GetEncoded();
    }

    /// <summary>A certificate's serial number as the API and the database write it: lower-case hexadecimal.</summary>
    public static string SerialOf(X509Certificate certificate) => certificate.SerialNumber.ToString(16);

    private static X509Name Name(string commonName) =>
        new(new List<DerObjectIdentifier> { X509Name.CN, X509Name.O }, new List<string> { commonName, Organisation });

    private X509Certificate Certificate(X509Name subject, AsymmetricKeyParameter publicKey, X509Name issuer, AsymmetricKeyParameter issuerKey,
        SealAlgorithm algorithm, TimeSpan lifetime, BasicConstraints constraints, int usage)
    {
        var now = time.GetUtcNow();
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(128, _random).SetBit(127));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore((now - Backdate).UtcDateTime);
        generator.SetNotAfter((now + lifetime).UtcDateTime);
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, true, constraints);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(usage));
        return generator.Generate(new Asn1SignatureFactory(algorithm.SignatureName(), issuerKey, _random));
    }
}
