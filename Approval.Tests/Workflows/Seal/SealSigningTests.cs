using System.Text;
using Approval.Api.Seal;
using Approval.Workflows.Seal;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Workflows.Seal;

/// <summary>
/// A department's seal signs a document's bytes and the verifier answers who, when, the chain to the product's root,
/// altered or not, revoked or not — with ECDSA P-256/SHA-256 and with SM2/SM3 (GB/T 38540). The keys live in the real
/// file key store in a temporary folder; the certificates' records in a list (their database store is
/// specified over HTTP in Api/Seal).
/// </summary>
[TestFixture(SealAlgorithm.EcdsaP256Sha256)]
[TestFixture(SealAlgorithm.Sm2Sm3)]
public sealed class SealSigningTests(SealAlgorithm algorithm)
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("%PDF-1.7 准予行政许可决定书 GT-20260615-0001");

    private string _folder = "";
    private FakeTimeProvider _clock = null!;
    private ListedCertificates _certificates = null!;
    private CertificateAuthority _authority = null!;
    private DepartmentSeals _seals = null!;
    private SealVerifier _verifier = null!;

    [SetUp]
    public void Start()
    {
        _folder = Path.Combine(Path.GetTempPath(), "approval-tests", "seal-" + Guid.NewGuid().ToString("N"));
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 1, 0, 0, TimeSpan.Zero));
        _certificates = new ListedCertificates();
        var keys = new FileSealKeyStore(_folder, "a pass phrase for the tests");
        _authority = new CertificateAuthority(keys, _clock);
        _seals = new DepartmentSeals(_authority, keys, _certificates, _clock);
        _verifier = new SealVerifier(_authority, _certificates);
    }

    [TearDown]
    public void Stop()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private async Task<SealEnvelope> SealAsync(byte[] document)
    {
        var (certificate, key) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        return _seals.Sign(document, new SealedContent("doc-1", "GT-20260615-0001", SealedDocumentKind.GrantDecision, "samr", "市场监管局", "市场监管局负责人 (samr-head)"),
            certificate, key);
    }

    [Test]
    public async Task A_sealed_document_verifies_as_valid_naming_the_department_the_time_and_the_chain_to_the_root()
    {
        var envelope = await SealAsync(Document);
        var verified = await _verifier.VerifyAsync(Document, SealEnvelope.Parse(envelope.ToJson())!);

        Assert.That(verified.Verdict, Is.EqualTo(SealVerdict.Valid));
        Assert.That(verified.Unaltered && verified.Trusted && !verified.Revoked, Is.True);
        Assert.That(verified.DepartmentCode, Is.EqualTo("samr"));
        Assert.That(verified.DepartmentName, Is.EqualTo("市场监管局"));
        Assert.That(verified.SignedAt, Is.EqualTo(_clock.GetUtcNow()));
        Assert.That(verified.Algorithm, Is.EqualTo(algorithm));
        Assert.That(envelope.DigestAlgorithm, Is.EqualTo(algorithm == SealAlgorithm.Sm2Sm3 ? "SM3" : "SHA-256"));
        Assert.That(verified.Chain, Has.Count.EqualTo(3));
        Assert.That(verified.Chain[0].Subject, Does.Contain("市场监管局").And.Contain("OU=samr"));
        Assert.That(verified.Chain[2].Subject, Does.Contain("根证书"), "the chain ends at the product's root");
        Assert.That(verified.Chain[2].Serial, Is.EqualTo(CertificateAuthority.SerialOf(_authority.Root(algorithm).Certificate)));
    }

    [Test]
    public async Task One_byte_changed_in_the_document_verifies_as_altered()
    {
        var envelope = await SealAsync(Document);
        var altered = (byte[])Document.Clone();
        altered[^1] ^= 0x01;

        var verified = await _verifier.VerifyAsync(altered, envelope);

        Assert.That(verified.Verdict, Is.EqualTo(SealVerdict.Altered));
        Assert.That(verified.Unaltered, Is.False);
        Assert.That(verified.Trusted, Is.True, "the seal itself is genuine");
    }

    [Test]
    public async Task A_signing_time_moved_in_the_signature_file_breaks_the_signature()
    {
        var envelope = await SealAsync(Document);
        var backdated = envelope with { SignedAt = envelope.SignedAt.AddHours(-1) };

        Assert.That((await _verifier.VerifyAsync(Document, backdated)).Verdict, Is.EqualTo(SealVerdict.Altered));
    }

    [Test]
    public async Task A_certificate_revoked_after_sealing_verifies_as_valid_when_signed_and_revoked_since()
    {
        var envelope = await SealAsync(Document);
        var (certificate, _) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        _clock.Advance(TimeSpan.FromDays(3));
        await _seals.RevokeAsync(certificate.Serial, "私钥泄露", "管理员 (admin)");

        var verified = await _verifier.VerifyAsync(Document, envelope);

        Assert.That(verified.Verdict, Is.EqualTo(SealVerdict.ValidWhenSignedRevokedSince));
        Assert.That(verified.Revoked, Is.True);
        Assert.That(verified.RevokedAt, Is.EqualTo(_clock.GetUtcNow()));
    }

    [Test]
    public async Task A_document_sealed_with_a_certificate_already_revoked_verifies_as_revoked()
    {
        var (certificate, key) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        await _seals.RevokeAsync(certificate.Serial, "私钥泄露", "管理员 (admin)");
        _clock.Advance(TimeSpan.FromHours(1));
        // Someone holding the lost key goes on sealing with it.
        var envelope = _seals.Sign(Document, new SealedContent("doc-2", "GT-20260615-0002", SealedDocumentKind.Licence, "samr", "市场监管局", "?"), certificate, key);

        Assert.That((await _verifier.VerifyAsync(Document, envelope)).Verdict, Is.EqualTo(SealVerdict.Revoked));
        var (renewed, _) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        Assert.That(renewed.Serial, Is.Not.EqualTo(certificate.Serial), "the department's next seal is a new certificate");
    }

    [Test]
    public async Task A_seal_from_a_look_alike_authority_is_untrusted()
    {
        // Another CA with the very same names, as a forger would make it, and a "市场监管局" seal from it.
        var forgerFolder = _folder + "-forger";
        try
        {
            var forgerKeys = new FileSealKeyStore(forgerFolder, "the forger's");
            var forgerCertificates = new ListedCertificates();
            var forger = new DepartmentSeals(new CertificateAuthority(forgerKeys, _clock), forgerKeys, forgerCertificates, _clock);
            var (certificate, key) = await forger.CurrentAsync("samr", "市场监管局", algorithm);
            var forged = forger.Sign(Document, new SealedContent("doc-3", "GT-20260615-0001", SealedDocumentKind.GrantDecision, "samr", "市场监管局", "?"), certificate, key);

            var verified = await _verifier.VerifyAsync(Document, forged);

            Assert.That(verified.Verdict, Is.EqualTo(SealVerdict.Untrusted));
            Assert.That(verified.Trusted, Is.False);
        }
        finally
        {
            if (Directory.Exists(forgerFolder))
                Directory.Delete(forgerFolder, recursive: true);
        }
    }

    [Test]
    public async Task The_revocation_list_is_signed_by_the_issuing_CA_and_lists_the_revoked_serial()
    {
        var (certificate, _) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        await _seals.RevokeAsync(certificate.Serial, "私钥泄露", "管理员 (admin)");

        var crl = new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(await _seals.RevocationListAsync(algorithm));

        Assert.DoesNotThrow(() => crl.Verify(_authority.Issuing(algorithm).Certificate.GetPublicKey()));
        Assert.That(crl.GetRevokedCertificate(new Org.BouncyCastle.Math.BigInteger(certificate.Serial, 16)), Is.Not.Null);
    }

    [Test]
    public async Task The_key_files_hold_no_private_key_in_clear_and_do_not_open_with_another_pass_phrase()
    {
        var (certificate, key) = await _seals.CurrentAsync("samr", "市场监管局", algorithm);
        var file = File.ReadAllText(Path.Combine(_folder, certificate.KeyAlias + ".json"));
        var privateKey = Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.PrivateKey).GetDerEncoded();

        Assert.That(file, Does.Not.Contain(Convert.ToBase64String(privateKey)));
        Assert.That(new FileSealKeyStore(_folder, "a pass phrase for the tests").Find(certificate.KeyAlias)!.Certificate, Is.EqualTo(key.Certificate));
        Assert.Throws<InvalidOperationException>(() => new FileSealKeyStore(_folder, "another pass phrase").Find(certificate.KeyAlias));
    }

    /// <summary>The certificates' records as a list: the port's database store is exercised over HTTP.</summary>
    private sealed class ListedCertificates : ISealCertificates
    {
        private readonly List<SealCertificate> _all = [];

        public Task<SealCertificate?> CurrentAsync(string departmentCode, CancellationToken cancellationToken = default) =>
            Task.FromResult(_all.Where(c => c.DepartmentCode == departmentCode && c.RevokedAt is null).OrderByDescending(c => c.IssuedAt).FirstOrDefault());

        public Task<SealCertificate?> FindAsync(string serial, CancellationToken cancellationToken = default) =>
            Task.FromResult(_all.FirstOrDefault(c => c.Serial == serial));

        public Task AddAsync(SealCertificate certificate, CancellationToken cancellationToken = default)
        {
            _all.Add(certificate);
            return Task.CompletedTask;
        }

        public Task<SealCertificate?> RevokeAsync(string serial, DateTimeOffset at, string reason, string by, CancellationToken cancellationToken = default)
        {
            var index = _all.FindIndex(c => c.Serial == serial);
            if (index < 0)
                return Task.FromResult<SealCertificate?>(null);
            if (_all[index].RevokedAt is null)
                _all[index] = _all[index] with { RevokedAt = at, RevocationReason = reason, RevokedBy = by };
            return Task.FromResult<SealCertificate?>(_all[index]);
        }

        public Task<IReadOnlyList<SealCertificate>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SealCertificate>>([.. _all.OrderByDescending(c => c.IssuedAt)]);
    }
}
