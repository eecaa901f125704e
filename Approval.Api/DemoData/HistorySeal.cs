using System.Diagnostics;
using Approval.Api.Persistence;
using Approval.Api.Seal;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.DemoData;

/// <summary>What sealing a history did: cases sealed, documents made, and how long it took.</summary>
internal sealed record HistorySealResult(int Cases, int Documents, TimeSpan Elapsed);

/// <summary>
/// <c>seed-demo --seal true</c>: the delivered cases of the history just written get their sealed decision (and licence),
/// through the same <see cref="DecisionSeal"/> as a decision made at the desk. The simulation itself seals nothing (its
/// <see cref="DepartmentDesk"/> has no seal): a PDF and a signature per document cost far more than simulating the case.
/// The signatures are dated when made, the documents by their decision.
/// </summary>
internal sealed class HistorySeal(IDbContextFactory<ApprovalDbContext> contexts, ICaseSessions cases, DecisionSeal seal)
{
    /// <summary>The delivered cases received since <paramref name="receivedFrom"/>, by id.</summary>
    public async Task<IReadOnlyList<string>> DeliveredSinceAsync(DateTimeOffset receivedFrom, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => c.ReceivedAt >= receivedFrom && c.Status == nameof(CaseStatus.Delivered))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Seals each case's decision in force, one case at a time (a case sealed already keeps its documents).</summary>
    public async Task<HistorySealResult> SealAsync(IReadOnlyList<string> caseIds, Action<int> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var documents = 0;
        for (var i = 0; i < caseIds.Count; i++)
        {
            Case? @case;
            await using (var session = await cases.OpenAsync(cancellationToken))
                @case = await session.FindAsync(caseIds[i], cancellationToken);
            if (@case is not null)
                documents += (await seal.EnsureAsync(@case, cancellationToken)).Count;
            progress(i + 1);
        }
        return new HistorySealResult(caseIds.Count, documents, started.Elapsed);
    }
}
