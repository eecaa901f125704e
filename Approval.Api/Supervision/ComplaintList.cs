using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What the complaint lists are filtered by: statuses (empty: any), the complainant, breached only.</summary>
internal sealed record ComplaintListFilter(IReadOnlyList<string> Statuses, string? Complainant, bool? Breached);

/// <summary>Complaints, newest first.</summary>
internal sealed class ComplaintList(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<Complaint>> Columns =
    [
        new("id", c => c.Id), new("caseId", c => c.CaseId), new("complainant", c => c.Complainant), new("contact", c => c.Contact), new("body", c => c.Body),
        new("receivedAt", c => c.ReceivedAt), new("decideBy", c => c.DecideBy), new("status", c => c.Status), new("decidedBy", c => c.DecidedBy),
        new("decidedAt", c => c.DecidedAt), new("declineReason", c => c.DeclineReason), new("transferredTo", c => c.TransferredTo),
        new("transferDueAt", c => c.TransferDueAt), new("outcome", c => c.Outcome), new("resolvedBy", c => c.ResolvedBy),
        new("resolvedAt", c => c.ResolvedAt), new("breachedAt", c => c.BreachedAt),
    ];

    public async Task<Page<Complaint>> PageAsync(ComplaintListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var complaints = Filtered(db, filter);
        var total = await complaints.CountAsync(cancellationToken);
        var rows = await Ordered(complaints).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return new Page<Complaint>(paging.Number, paging.Size, total, [.. rows.Select(r => r.ToComplaint())]);
    }

    /// <summary>Every matching complaint, in list order, as the database yields them.</summary>
    public async IAsyncEnumerable<Complaint> StreamAsync(ComplaintListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Ordered(Filtered(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row.ToComplaint();
    }

    private static IQueryable<ComplaintRecord> Filtered(ApprovalDbContext db, ComplaintListFilter filter)
    {
        var complaints = db.Complaints.AsNoTracking();
        if (filter.Statuses.Count > 0)
            complaints = complaints.Where(c => filter.Statuses.Contains(c.Status));
        if (filter.Complainant is { } complainant)
            complaints = complaints.Where(c => c.Complainant == complainant);
        if (filter.Breached is { } breached)
            complaints = breached ? complaints.Where(c => c.BreachedAt != null) : complaints.Where(c => c.BreachedAt == null);
        return complaints;
    }

    private static IQueryable<ComplaintRecord> Ordered(IQueryable<ComplaintRecord> complaints) =>
        complaints.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);
}
