using Approval.Api.Persistence;
using Approval.Workflows.Credit;
using Approval.Workflows.Refusals;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Credit;

/// <summary>The credit-record store over EF Core: a row per record, a row per change, one transaction per save.</summary>
public sealed class EfCreditRecords(IDbContextFactory<ApprovalDbContext> contexts) : ICreditRecords
{
    public async Task<IReadOnlyList<CreditRecord>> OfSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.CreditRecords.Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToRecord())];
    }

    public async Task<CreditRecord?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.CreditRecords.SingleOrDefaultAsync(r => r.Id == id, cancellationToken))?.ToRecord();
    }

    public async Task<IReadOnlyList<CreditRecordChange>> ChangesAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.CreditRecordChanges.Where(c => c.RecordId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToChange())];
    }

    public async Task SaveAsync(IReadOnlyList<CreditRecordChange> changes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var change in changes)
        {
            if (change.Before is null)
            {
                db.CreditRecords.Add(CreditRecordRow.From(change.After));
            }
            else
            {
                // Only the endings (each once) and the evidence change: a row whose endings or evidence are not those read was changed meanwhile.
                var before = change.Before;
                var (repair, revocation) = (change.After.Repair, change.After.Revocation);
                var asRead = db.CreditRecords.Where(r => r.Id == change.RecordId);
                asRead = before.Repair is null ? asRead.Where(r => r.RepairedAt == null) : asRead.Where(r => r.RepairedAt != null);
                asRead = before.Revocation is null ? asRead.Where(r => r.RevokedAt == null) : asRead.Where(r => r.RevokedAt != null);
                if (before.Evidence is { } read)
                {
                    var (sha, at) = (read.Sha256, read.At);
                    asRead = asRead.Where(r => r.EvidenceSha256 == sha && r.EvidenceAt == at);
                }
                else
                {
                    asRead = asRead.Where(r => r.EvidenceSha256 == null);
                }
                var evidence = change.After.Evidence;
                var updated = await asRead.ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.RepairedAt, repair?.At)
                    .SetProperty(r => r.RepairedBy, repair?.By)
                    .SetProperty(r => r.RepairReason, repair?.Reason)
                    .SetProperty(r => r.RevokedAt, revocation?.At)
                    .SetProperty(r => r.RevokedBy, revocation?.By)
                    .SetProperty(r => r.RevokeReason, revocation?.Reason)
                    .SetProperty(r => r.EvidenceFileName, evidence?.FileName)
                    .SetProperty(r => r.EvidenceContentType, evidence?.ContentType)
                    .SetProperty(r => r.EvidenceSize, evidence?.Size)
                    .SetProperty(r => r.EvidenceSha256, evidence?.Sha256)
                    .SetProperty(r => r.EvidenceAt, evidence?.At)
                    .SetProperty(r => r.EvidenceBy, evidence?.By), cancellationToken);
                if (updated == 0)
                    throw new CreditRuleException(Refusal.Of(RefusalCode.CreditRecordChangedMeanwhile, $"the record {change.RecordId} was changed by someone else meanwhile; read it again"));
            }
            db.CreditRecordChanges.Add(CreditRecordChangeRow.From(change));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new CreditRuleException(Refusal.Of(RefusalCode.CreditRecordChangedMeanwhile, $"the record {string.Join(", ", changes.Select(c => c.RecordId))} was changed by someone else meanwhile; read it again"), ex);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
