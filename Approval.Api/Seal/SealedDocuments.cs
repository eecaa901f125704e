using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Seal;

/// <summary>The sealed documents kept with the cases: the PDF bytes as signed and their signature.</summary>
internal sealed class SealedDocuments(IDbContextFactory<ApprovalDbContext> contexts)
{
    /// <summary>Saves a decision's documents together; false when another node saved that decision's first (nothing of these saved).</summary>
    public async Task<bool> AddAsync(IReadOnlyList<SealedDocumentRecord> documents, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SealedDocuments.AddRange(documents);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (documents.Count > 0)
        {
            // Lost the race on (case, decision, kind): the winner's documents are there. Anything else is not a race.
            if ((await ForDecisionAsync(documents[0].CaseId, documents[0].DecisionKey, cancellationToken)).Count == 0)
                throw;
            return false;
        }
    }

    /// <summary>The documents sealing one decision of the case, decision first.</summary>
    public async Task<IReadOnlyList<SealedDocumentRecord>> ForDecisionAsync(string caseId, string decisionKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.SealedDocuments.Where(d => d.CaseId == caseId && d.DecisionKey == decisionKey).ToListAsync(cancellationToken);
        return [.. records.OrderBy(d => d.Kind == nameof(Approval.Workflows.Seal.SealedDocumentKind.Licence))];
    }

    public async Task<SealedDocumentRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SealedDocuments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<SealedDocumentRecord?> FindByDigestAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SealedDocuments.Where(d => d.Sha256 == sha256).OrderBy(d => d.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
