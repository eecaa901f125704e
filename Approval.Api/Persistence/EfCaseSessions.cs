using System.Data.Common;
using Approval.Engine.Runtime;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>Units of work on cases over EF Core.</summary>
public sealed class EfCaseSessions(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time, Approval.Workflows.Calendar.DueInstantCalculator due) : ICaseSessions
{
    public async Task<ICaseSession> OpenAsync(CancellationToken cancellationToken = default) =>
        new EfCaseSession(await contexts.CreateDbContextAsync(cancellationToken), time, due);
}

/// <summary>
/// One unit of work: cases are saved as a JSON document guarded by a revision, with their task rows, new timeline
/// and violation rows, the workflow instances their steps advanced, and the inbox rows of the notifications they
/// raised — all in one transaction.
/// </summary>
internal sealed class EfCaseSession(ApprovalDbContext db, TimeProvider time, Approval.Workflows.Calendar.DueInstantCalculator due) : ICaseSession
{
    private readonly Dictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);
    private readonly List<Case> _added = [];
    private readonly List<Func<CancellationToken, Task>> _staged = [];

    private sealed record Loaded(Case Case, long Revision, int Events, int Violations, int Doubted);

    public async Task<Case?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        await LoadAsync(db.Cases.Where(c => c.Id == caseId), cancellationToken);

    public async Task<Case?> FindByNumberAsync(string number, CancellationToken cancellationToken = default) =>
        await LoadAsync(db.Cases.Where(c => c.Number == number), cancellationToken);

    private async Task<Case?> LoadAsync(IQueryable<CaseRecord> query, CancellationToken cancellationToken)
    {
        var row = await query.Select(c => new { c.Id, c.State, c.Revision }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        if (_loaded.TryGetValue(row.Id, out var already))
            return already.Case;
        var @case = Case.FromState(CaseStateJson.Deserialize(row.State));
        _loaded[row.Id] = new Loaded(@case, row.Revision, @case.Timeline.Count, @case.Violations.Count, @case.Violations.Count(v => v.CalendarDoubt is not null));
        return @case;
    }

    public void Add(Case @case) => _added.Add(@case);

    public Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        EfWorkflowStore.LoadAsync(db, instanceId, cancellationToken);

    public Task StageInstanceAsync(WorkflowInstance instance, RunResult result, bool isNew, CancellationToken cancellationToken = default)
    {
        // Staged at commit, after the case rows, so one SaveChanges carries both.
        _staged.Add(ct => isNew ? EfWorkflowStore.StageInsertAsync(db, instance, result, ct) : EfWorkflowStore.StageUpdateAsync(db, instance, result, ct));
        return Task.CompletedTask;
    }

    public Task<KeyedSubmission?> FindSubmissionAsync(string idempotencyKey, string submitter, CancellationToken cancellationToken = default) =>
        db.Submissions.Where(s => s.IdempotencyKey == idempotencyKey && s.Submitter == submitter)
            .Select(s => new KeyedSubmission(s.CaseId, s.Fingerprint)).SingleOrDefaultAsync(cancellationToken);

    public void AddSubmission(string idempotencyKey, string submitter, string caseId, string fingerprint) =>
        db.Submissions.Add(new SubmissionRecord { IdempotencyKey = idempotencyKey, Submitter = submitter, CaseId = caseId, Fingerprint = fingerprint, CreatedAt = time.GetUtcNow() });

    public void Notify(IEnumerable<Approval.Workflows.Notifications.Notification> notifications) => db.AddNotifications(notifications, time.GetUtcNow());

    public void RecordCredit(Approval.Workflows.Credit.CreditRecordChange entered)
    {
        db.CreditRecords.Add(Approval.Api.Credit.CreditRecordRow.From(entered.After));
        db.CreditRecordChanges.Add(Approval.Api.Credit.CreditRecordChangeRow.From(entered));
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var @case in _added)
            {
                db.Cases.Add(Row(@case, 1));
                StageChildren(@case, 0, 0);
            }
            foreach (var loaded in _loaded.Values)
            {
                var row = db.Cases.Update(Row(loaded.Case, loaded.Revision + 1));
                row.Property(r => r.Revision).OriginalValue = loaded.Revision;
                await db.CaseTasks.Where(t => t.CaseId == loaded.Case.Id).ExecuteDeleteAsync(cancellationToken);
                await db.CaseDepartments.Where(d => d.CaseId == loaded.Case.Id).ExecuteDeleteAsync(cancellationToken);
                StageChildren(loaded.Case, loaded.Events, loaded.Violations);
                if (loaded.Case.Violations.Count(v => v.CalendarDoubt is not null) > loaded.Doubted)
                    await FlagSavedViolationsAsync(loaded, cancellationToken);
            }
            foreach (var stage in _staged)
                await stage(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new CaseConflictException("The case was changed by someone else at the same time; reload it and try again.", ex);
        }
        catch (DbUpdateException ex)
        {
            // A unique key taken by a concurrent writer: a case number or submission key, or the next timeline line
            // of a case someone else changed first (the database may report that before the revision check).
            throw new CaseConflictException("The case was changed or created by someone else at the same time; reload it and try again.", ex);
        }
        catch (InvalidOperationException ex) when (ex.GetBaseException() is DbException { IsTransient: true })
        {
            // Two writers that wait for each other (the audit head and a case's rows taken in different orders): PostgreSQL
            // ends one with 40P01 deadlock detected, which EF's execution strategy hands on wrapped as a transient failure,
            // around the query's error or around a save's DbUpdateException (CI met both): the innermost error decides.
            // The one ended tries again, as after any other collision.
            throw new CaseConflictException("The case was changed by someone else at the same time; reload it and try again.", ex);
        }
    }

    // A calendar change put saved violations in doubt: their rows say so for the supervisors' review (set once; the
    // review columns are the supervisors' and stay as they are).
    private async Task FlagSavedViolationsAsync(Loaded loaded, CancellationToken cancellationToken)
    {
        for (var i = 0; i < loaded.Violations; i++)
        {
            if (loaded.Case.Violations[i].CalendarDoubt is not { } doubt)
                continue;
            var (caseId, sequence) = (loaded.Case.Id, i);
            await db.Violations.Where(v => v.CaseId == caseId && v.Sequence == sequence && v.CalendarDoubt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.CalendarDoubt, doubt), cancellationToken);
        }
    }

    private CaseRecord Row(Case @case, long revision) => CaseRows.Case(@case, revision, due, time.GetUtcNow());

    private void StageChildren(Case @case, int eventsSaved, int violationsSaved)
    {
        db.CaseTasks.AddRange(CaseRows.Tasks(@case));
        db.CaseDepartments.AddRange(CaseRows.Departments(@case));
        db.CaseEvents.AddRange(CaseRows.Events(@case, eventsSaved));
        db.Violations.AddRange(CaseRows.Violations(@case, violationsSaved));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}

/// <summary>The case queries the clock rules need, over the Cases table's (Status, …) indexes.</summary>
public sealed class EfCaseQueries(IDbContextFactory<ApprovalDbContext> contexts) : ICaseQueries
{
    public async Task<bool> AnyCaseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ClocksDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => c.NextDeadlineAt != null && c.NextDeadlineAt <= dueBy)
            .OrderBy(c => c.NextDeadlineAt).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PromisesDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => c.PromiseDueAt != null && c.PromiseDueAt <= dueBy)
            .OrderBy(c => c.PromiseDueAt).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Approval.Workflows.Credit.PromiseAcceptance>> OpenPromisesUnflaggedAsync(string? afterId, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flagged = nameof(ViolationKind.PromiseDespiteCredit);
        // PromiseDueAt is set while an open case owes promised materials (容缺), CommitmentAcceptedAt while a commitment
        // (告知承诺) is open or awaits its verification (CaseRows.Case).
        var cases = db.Cases.Where(c => (c.PromiseDueAt != null || c.CommitmentAcceptedAt != null) && c.AcceptedAt != null
            && !db.Violations.Any(v => v.CaseId == c.Id && v.Kind == flagged));
        if (afterId is not null)
            cases = cases.Where(c => string.Compare(c.Id, afterId) > 0);
        var rows = await cases.OrderBy(c => c.Id).Take(max).Select(c => new { c.Id, c.ApplicantIdNumber, c.AcceptedAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Approval.Workflows.Credit.PromiseAcceptance(r.Id, r.ApplicantIdNumber, r.AcceptedAt!.Value))];
    }

    public async Task<IReadOnlyList<string>> CommitmentsUnverifiedByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flagged = nameof(ViolationKind.CommitmentVerificationOverdue);
        return await db.Cases.Where(c => c.CommitmentVerificationDueAt != null && c.CommitmentVerificationDueAt <= dueBy
                && !db.Violations.Any(v => v.CaseId == c.Id && v.Kind == flagged))
            .OrderBy(c => c.CommitmentVerificationDueAt).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PromiseRemindersDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => c.PromiseReminderAt != null && c.PromiseReminderAt <= dueBy)
            .OrderBy(c => c.PromiseReminderAt).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> OpenCasesAfterAsync(string? afterId, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = Case.OpenStatuses.Select(s => s.ToString()).ToList();
        var cases = db.Cases.Where(c => open.Contains(c.Status));
        if (afterId is not null)
            cases = cases.Where(c => string.Compare(c.Id, afterId) > 0);
        return await cases.OrderBy(c => c.Id).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UnansweredSinceAsync(DateTimeOffset receivedBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var submitted = nameof(CaseStatus.Submitted);
        return await db.Cases.Where(c => c.Status == submitted && c.ReceivedAt <= receivedBy)
            .OrderBy(c => c.ReceivedAt).Take(max).Select(c => c.Id).ToListAsync(cancellationToken);
    }
}
