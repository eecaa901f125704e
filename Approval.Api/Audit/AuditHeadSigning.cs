using Approval.Api.Persistence;
using Approval.Workflows.Seal;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Security;

namespace Approval.Api.Audit;

/// <summary>
/// Signs the head of the chain (sequence, hash, instant) with the service center's seal, issued by the product's CA
/// like a department's, and keeps the signature: a later rewrite of the whole chain from some entry on cannot also
/// rewrite a head the center signed. The recurring job reads the head from the database; a second run with no new
/// entry signs nothing.
/// </summary>
internal sealed class AuditHeadSigning(IDbContextFactory<ApprovalDbContext> contexts, DepartmentSeals seals, ISealCertificates certificates,
    ISealKeyStore keys, IOptions<AuditOptions> options, TimeProvider time)
{
    public const string JobId = "audit-head-signing";
    /// <summary>The service center's seal is kept with the departments' under this code.</summary>
    public const string CenterCode = "service-center";
    private const string CenterName = "政务服务中心";

    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AuditHeadSigning>(JobId, signing => signing.SignAsync(CancellationToken.None), Cron.Hourly());

    /// <summary>Signs the current head unless it is the one last signed; answers the latest signed head (null while the chain is empty).</summary>
    public async Task<SignedAuditHeadRecord?> SignAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditHead.SingleAsync(cancellationToken);
        var last = await db.SignedAuditHeads.OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (head.Sequence == 0 || last?.Sequence == head.Sequence)
            return last;
        var (certificate, key) = await seals.CurrentAsync(CenterCode, CenterName, options.Value.SigningAlgorithm, cancellationToken);
        var at = AuditHash.Truncate(time.GetUtcNow());
        var signature = certificate.Algorithm.Sign(key.PrivateKey, AuditHash.SignedHeadBytes(head.Sequence, head.Hash, at), new SecureRandom());
        var signed = new SignedAuditHeadRecord
        {
            Sequence = head.Sequence, Hash = head.Hash, SignedAt = at, CertificateSerial = certificate.Serial, Signature = Convert.ToBase64String(signature),
        };
        db.SignedAuditHeads.Add(signed);
        await db.SaveChangesAsync(cancellationToken);
        return signed;
    }

    /// <summary>Whether the signature is the service center's, over the head as recorded.</summary>
    public async Task<bool> SignatureHoldsAsync(SignedAuditHeadRecord signed, CancellationToken cancellationToken)
    {
        if (await certificates.FindAsync(signed.CertificateSerial, cancellationToken) is not { DepartmentCode: CenterCode } certificate
            || keys.Find(certificate.KeyAlias) is not { } key)
            return false;
        var signature = new byte[signed.Signature.Length];
        return Convert.TryFromBase64String(signed.Signature, signature, out var length)
            && certificate.Algorithm.Verifies(key.Certificate.GetPublicKey(), AuditHash.SignedHeadBytes(signed.Sequence, signed.Hash, signed.SignedAt),
                signature[..length]);
    }
}
