using Approval.Api.Persistence;
using Approval.Workflows.Seal;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Seal;

/// <summary>The departments' seal certificates in the database (their public part; never a key).</summary>
internal sealed class EfSealCertificates(IDbContextFactory<ApprovalDbContext> contexts) : ISealCertificates
{
    public async Task<SealCertificate?> CurrentAsync(string departmentCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.SealCertificates.Where(c => c.DepartmentCode == departmentCode && c.RevokedAt == null).ToListAsync(cancellationToken);
        return records.OrderByDescending(c => c.IssuedAt).Select(ToCertificate).FirstOrDefault();
    }

    public async Task<SealCertificate?> FindAsync(string serial, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SealCertificates.SingleOrDefaultAsync(c => c.Serial == serial, cancellationToken);
        return record is null ? null : ToCertificate(record);
    }

    public async Task AddAsync(SealCertificate certificate, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SealCertificates.Add(new SealCertificateRecord
        {
            Serial = certificate.Serial,
            DepartmentCode = certificate.DepartmentCode,
            Algorithm = certificate.Algorithm.ToString(),
            IssuedAt = certificate.IssuedAt,
            NotAfter = certificate.NotAfter,
            KeyAlias = certificate.KeyAlias,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<SealCertificate?> RevokeAsync(string serial, DateTimeOffset at, string reason, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Conditional: a second revocation (here or on another node) leaves the first one's time and reason.
        await db.SealCertificates.Where(c => c.Serial == serial && c.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedAt, at).SetProperty(c => c.RevocationReason, reason).SetProperty(c => c.RevokedBy, by), cancellationToken);
        return await FindAsync(serial, cancellationToken);
    }

    public async Task<IReadOnlyList<SealCertificate>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.SealCertificates.ToListAsync(cancellationToken);
        return [.. records.OrderByDescending(c => c.IssuedAt).Select(ToCertificate)];
    }

    private static SealCertificate ToCertificate(SealCertificateRecord record) => new(record.Serial, record.DepartmentCode, Enum.Parse<SealAlgorithm>(record.Algorithm),
        record.IssuedAt, record.NotAfter, record.KeyAlias, record.RevokedAt, record.RevocationReason, record.RevokedBy);
}
