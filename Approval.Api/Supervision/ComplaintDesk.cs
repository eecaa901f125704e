using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Notifications;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.Refusals;

namespace Approval.Api.Supervision;

/// <summary>
/// Complaints (投诉): applicants file them, supervisors decide within 5 working days (a breach otherwise, recorded by the
/// deadline sweep once), handle or transfer them, and resolve them with the outcome the complainant reads. A step saves
/// the complaint and the inbox rows of the people it concerns (<see cref="SupervisionNotices"/>) together, then wakes the
/// e-mail outbox: filed, to supervisors; transferred, to the department; declined or resolved, to the complainant.
/// </summary>
internal sealed class ComplaintDesk(IDbContextFactory<ApprovalDbContext> contexts, DueInstantCalculator calculator, TimeProvider time, CaseTimelineLines timeline,
    SupervisionNotices notices, INotificationOutbox outbox)
{
    public async Task<Complaint> FileAsync(string? caseId, string complainant, string contact, string body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var complaint = Complaint.File(caseId, complainant, contact, body, now, calculator.DueAt(now, Complaint.DecisionWorkingDays)!.Value);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = ComplaintRecord.From(complaint);
        // The complaint's id is in its notifications' text: saved first, in the transaction that saves them.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Complaints.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            complaint = record.ToComplaint();
            db.AddNotifications(await notices.FiledAsync(complaint, await db.CaseNumberAsync(complaint.CaseId, cancellationToken), cancellationToken), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Wake();
        await timeline.AddAsync(complaint.CaseId, now, complainant, CaseAction.ComplaintFiled, null,
            $"complaint #{complaint.Id}, to be decided by {complaint.DecideBy:O}", cancellationToken);
        return complaint;
    }

    public Task<Complaint?> TakeUpAsync(long id, string by, CancellationToken cancellationToken) =>
        StepAsync(id, (c, now) => c.TakenUp(by, now), by, c => "taken up (受理): supervisors handle it", cancellationToken);

    public Task<Complaint?> DeclineAsync(long id, string by, string reason, CancellationToken cancellationToken) =>
        StepAsync(id, (c, now) => c.Declined(by, reason, now), by, c => $"declined (不予受理): {c.DeclineReason}", cancellationToken,
            notify: (c, number, now) => Task.FromResult(notices.Decided(c, number, now)));

    public async Task<Complaint?> TransferAsync(long id, string by, string departmentCode, int dueInWorkingDays, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Departments.AnyAsync(d => d.Code == departmentCode, cancellationToken))
                throw new SupervisionRuleException(Refusal.Of(RefusalCode.NoSuchDepartment, $"there is no department {departmentCode}"));
        }
        return await StepAsync(id, (c, now) => c.Transferred(by, departmentCode, calculator.DueAt(now, dueInWorkingDays)!.Value, now), by,
            c => $"transferred (转办) to {c.TransferredTo}, due {c.TransferDueAt:O}", cancellationToken,
            notify: (c, number, _) => notices.TransferredAsync(c, number, cancellationToken));
    }

    public Task<Complaint?> ResolveAsync(long id, string by, string outcome, CancellationToken cancellationToken) =>
        StepAsync(id, (c, now) => c.Resolved(by, outcome, now), by, c => $"resolved (办结), outcome told: {c.Outcome}", cancellationToken,
            notify: (c, number, now) => Task.FromResult(notices.Decided(c, number, now)));

    /// <summary>
    /// Complaints still undecided past their 5-working-day limit get their breach recorded, once (the (Status, DecideBy)
    /// index; a second run finds them recorded). Answers how many were recorded.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var received = nameof(ComplaintStatus.Received);
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Complaints.Where(c => c.Status == received && c.DecideBy < now && c.BreachedAt == null)
                .Select(c => c.Id).ToListAsync(cancellationToken);
        }
        var recorded = 0;
        foreach (var id in due)
        {
            if (await StepAsync(id, (c, at) => c.Breached(at), "system", c => $"not decided within {Complaint.DecisionWorkingDays} working days (by {c.DecideBy:O}): breach recorded",
                    cancellationToken, onlyIfChanged: true) is not null)
                recorded++;
        }
        return recorded;
    }

    // Loads, lets the complaint take the step, saves it guarded by the status and breach it was loaded with together with
    // the notifications of the step, writes the timeline line.
    private async Task<Complaint?> StepAsync(long id, Func<Complaint, DateTimeOffset, Complaint> step, string actor, Func<Complaint, string> line,
        CancellationToken cancellationToken, bool onlyIfChanged = false, Func<Complaint, string?, DateTimeOffset, Task<IReadOnlyList<Notification>>>? notify = null)
    {
        var now = time.GetUtcNow();
        Complaint after;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var record = await db.Complaints.AsTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (record is null)
                return null;
            var before = record.ToComplaint();
            after = step(before, now);
            if (onlyIfChanged && after == before)
                return null;
            record.With(after);
            if (notify is not null)
                db.AddNotifications(await notify(after, await db.CaseNumberAsync(after.CaseId, cancellationToken), now), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException e)
            {
                if (onlyIfChanged)
                    return null; // decided meanwhile: no breach to record
                throw new CaseConflictException($"Complaint {id} was changed by someone else meanwhile; nothing was saved.", e);
            }
        }
        if (notify is not null)
            outbox.Wake();
        await timeline.AddAsync(after.CaseId, now, actor, CaseAction.ComplaintProgressed, null, $"complaint #{after.Id} {line(after)}", cancellationToken);
        return after;
    }
}
