using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Notifications;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.Refusals;

namespace Approval.Api.Supervision;

/// <summary>A notice to issue: due in working days from now.</summary>
internal sealed record NoticeToIssue(string? CaseId, string DepartmentCode, NoticeKind Kind, string Subject, string Body, int DueInWorkingDays);

/// <summary>
/// Correction notices (督办) and supervision recommendations: supervisors issue them, departments answer, the deadline
/// sweep turns unanswered ones overdue (escalated to the department's head) and then escalated (to supervisors), once each.
/// Each step saves the notice and the inbox rows of the people it concerns (<see cref="SupervisionNotices"/>) together,
/// then wakes the e-mail outbox.
/// </summary>
internal sealed class CorrectionNoticeDesk(IDbContextFactory<ApprovalDbContext> contexts, DueInstantCalculator calculator, TimeProvider time,
    ICaseSessions sessions, CaseTimelineLines timeline, SupervisionNotices notices, INotificationOutbox outbox)
{
    /// <param name="issuedBy">The supervisor as the timeline shows them.</param>
    /// <param name="issuer">The supervisor's user name, notified of the answer.</param>
    public async Task<CorrectionNotice> IssueAsync(NoticeToIssue request, string issuedBy, string issuer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Departments.AnyAsync(d => d.Code == request.DepartmentCode, cancellationToken))
            throw new SupervisionRuleException(Refusal.Of(RefusalCode.NoSuchDepartment, $"there is no department {request.DepartmentCode}"));
        Case? @case = null;
        if (request.CaseId is { } caseId)
        {
            await using var session = await sessions.OpenAsync(cancellationToken);
            @case = await session.FindAsync(caseId, cancellationToken) ?? throw new CaseNotFoundException(Refusal.Of(RefusalCode.CaseNotFound, $"No case {caseId}."));
        }
        var now = time.GetUtcNow();
        var due = calculator.DueAt(now, request.DueInWorkingDays)!.Value;
        var notice = CorrectionNotice.Issue(request.CaseId, request.DepartmentCode, request.Kind, request.Subject, request.Body, issuedBy,
            now, due, calculator.DueAt(due, 1)!.Value) with { Issuer = issuer };
        var record = CorrectionNoticeRecord.From(notice);
        // The notice's id is in its notifications' text: saved first, in the transaction that saves them.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.CorrectionNotices.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            notice = record.ToNotice();
            db.AddNotifications(await notices.IssuedAsync(notice, @case, cancellationToken), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Wake();
        await timeline.AddAsync(notice.CaseId, now, issuedBy, CaseAction.NoticeIssued, notice.Subject,
            $"{notice.Kind} #{notice.Id} to {notice.DepartmentCode}, due {notice.DueAt:O}", cancellationToken);
        return notice;
    }

    /// <summary>The department's answer; null when there is no such notice to that department.</summary>
    public async Task<CorrectionNotice?> AnswerAsync(long noticeId, string departmentCode, string answer, string answeredBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.CorrectionNotices.AsTracking().SingleOrDefaultAsync(n => n.Id == noticeId && n.DepartmentCode == departmentCode, cancellationToken);
        if (record is null)
            return null;
        var now = time.GetUtcNow();
        var answered = record.ToNotice().Answered(answer, answeredBy, now);
        db.AddNotifications(await notices.AnsweredAsync(answered, await db.CaseNumberAsync(answered.CaseId, cancellationToken), cancellationToken), now);
        await SaveAsync(db, record.With(answered), cancellationToken);
        outbox.Wake();
        await timeline.AddAsync(answered.CaseId, now, answeredBy, CaseAction.NoticeAnswered, answered.AnsweredLate ? "answered late" : null,
            $"{answered.Kind} #{answered.Id}: {answered.Answer}", cancellationToken);
        return answered;
    }

    /// <summary>
    /// Open notices past their due instant turn Overdue (escalated to the department's head); overdue ones past their
    /// escalation instant turn Escalated (to supervisors). Reads only the notices that crossed (the (Status, DueAt) and
    /// (Status, EscalateAt) indexes); a second run finds nothing. Answers how many notices changed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (open, overdue) = (nameof(NoticeStatus.Open), nameof(NoticeStatus.Overdue));
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.CorrectionNotices.Where(n => (n.Status == open && n.DueAt < now) || (n.Status == overdue && n.EscalateAt < now))
                .Select(n => n.Id).ToListAsync(cancellationToken);
        }
        var changed = 0;
        foreach (var id in due)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var record = await db.CorrectionNotices.AsTracking().SingleAsync(n => n.Id == id, cancellationToken);
            var before = record.ToNotice();
            var after = before.Swept(now);
            if (after.Status == before.Status)
                continue;
            db.AddNotifications(await notices.EscalatedAsync(after, await db.CaseNumberAsync(after.CaseId, cancellationToken), cancellationToken), now);
            try
            {
                await SaveAsync(db, record.With(after), cancellationToken);
            }
            catch (CaseConflictException)
            {
                continue; // answered (or swept by another node) meanwhile: no one hears of an escalation that did not happen
            }
            outbox.Wake();
            changed++;
            var to = after.Status == NoticeStatus.Escalated ? "supervisors" : $"the head of {after.DepartmentCode}";
            await timeline.AddAsync(after.CaseId, now, "system", CaseAction.NoticeEscalated, $"unanswered past {after.DueAt:O}",
                $"{after.Kind} #{after.Id} {after.Status}: escalated to {to}", cancellationToken);
        }
        return changed;
    }

    private static async Task SaveAsync(ApprovalDbContext db, CorrectionNoticeRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new CaseConflictException($"Notice {record.Id} was changed by someone else meanwhile; nothing was saved.", e);
        }
    }
}
