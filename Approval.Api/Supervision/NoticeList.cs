using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What the notice lists are filtered by: statuses (empty: any), a department.</summary>
internal sealed record NoticeListFilter(IReadOnlyList<string> Statuses, string? Department);

/// <summary>Correction notices and supervision recommendations, soonest due first, from the (DepartmentCode, Status) and (Status, DueAt) indexes.</summary>
internal sealed class NoticeList(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<CorrectionNotice>> Columns =
    [
        new("id", n => n.Id), new("caseId", n => n.CaseId), new("departmentCode", n => n.DepartmentCode), new("kind", n => n.Kind),
        new("subject", n => n.Subject), new("body", n => n.Body), new("issuedBy", n => n.IssuedBy), new("issuedAt", n => n.IssuedAt),
        new("dueAt", n => n.DueAt), new("escalateAt", n => n.EscalateAt), new("status", n => n.Status), new("answer", n => n.Answer),
        new("answeredBy", n => n.AnsweredBy), new("answeredAt", n => n.AnsweredAt), new("answeredLate", n => n.AnsweredLate),
        new("overdueAt", n => n.OverdueAt), new("escalatedAt", n => n.EscalatedAt),
    ];

    public async Task<CorrectionNotice?> FindAsync(long noticeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.CorrectionNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken))?.ToNotice();
    }

    public async Task<Page<CorrectionNotice>> PageAsync(NoticeListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notices = Filtered(db, filter);
        var total = await notices.CountAsync(cancellationToken);
        var rows = await Ordered(notices).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return new Page<CorrectionNotice>(paging.Number, paging.Size, total, [.. rows.Select(r => r.ToNotice())]);
    }

    /// <summary>Every matching notice, in list order, as the database yields them.</summary>
    public async IAsyncEnumerable<CorrectionNotice> StreamAsync(NoticeListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Ordered(Filtered(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row.ToNotice();
    }

    /// <summary>
    /// The notices about one case, soonest due first, for the supervision hall's drill-down. Notices are few beside cases
    /// (one for a case a supervisor looked into), so they are read without an index of their own on the case.
    /// </summary>
    public async Task<IReadOnlyList<CorrectionNotice>> OfCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Ordered(db.CorrectionNotices.AsNoTracking().Where(n => n.CaseId == caseId)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToNotice())];
    }

    private static IQueryable<CorrectionNoticeRecord> Filtered(ApprovalDbContext db, NoticeListFilter filter)
    {
        var notices = db.CorrectionNotices.AsNoTracking();
        if (filter.Statuses.Count > 0)
            notices = notices.Where(n => filter.Statuses.Contains(n.Status));
        if (filter.Department is { } department)
            notices = notices.Where(n => n.DepartmentCode == department);
        return notices;
    }

    private static IQueryable<CorrectionNoticeRecord> Ordered(IQueryable<CorrectionNoticeRecord> notices) => notices.OrderBy(n => n.DueAt).ThenBy(n => n.Id);
}
