using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;

namespace Approval.Api.Persistence;

/// <summary>
/// A case as the rows the database keeps of it: the Cases row (searchable columns and the JSON document), its task rows,
/// and the timeline and violation rows not saved yet. One mapping for the unit of work (<see cref="EfCaseSession"/>) and
/// for bulk loads (the demo history), so the columns supervision reads mean the same whoever wrote them.
/// </summary>
internal static class CaseRows
{
    /// <summary>The Cases row at <paramref name="revision"/>, its next warning threshold counted from <paramref name="now"/>.</summary>
    public static CaseRecord Case(Case @case, long revision, DueInstantCalculator due, DateTimeOffset now) => new()
    {
        Id = @case.Id,
        Number = @case.Number,
        QueryCode = @case.QueryCode,
        ItemCode = @case.ItemCode,
        Status = @case.Status.ToString(),
        Level = @case.Level.ToString(),
        ApplicantIdNumber = @case.Applicant.IdNumber,
        ApplicantName = @case.Applicant.Name,
        LeadDepartmentCode = @case.LeadDepartmentCode,
        ReceivedAt = @case.ReceivedAt,
        AcceptedAt = @case.AcceptedAt,
        DueAt = @case.DueAt,
        ClosedAt = @case.ClosedAt,
        WorkflowInstanceId = @case.WorkflowInstanceId,
        PromiseDueAt = @case.PromiseDueAt(due),
        PromiseReminderAt = @case.PromiseReminderAt(due),
        CommitmentVerificationDueAt = @case.AwaitsCommitmentVerification ? @case.Commitment!.VerificationDueAt : null,
        CommitmentAcceptedAt = @case.CommitmentWatched ? @case.Commitment!.At : null,
        AcceptingWindowCode = @case.AcceptingWindowCode,
        DeliveringWindowCode = @case.DeliveringWindowCode,
        AnsweringClerk = AnsweringClerkOf(@case),
        Rating = @case.Rating is { } rating ? (int)rating.Level : null,
        RatedAt = @case.Rating?.At,
        WindowDueAt = @case.WindowStep is { } step ? due.DueAt(step.Start, step.LimitDays) : null,
        SupplementsReturnedAt = @case.SupplementsReturned?.At,
        SupplementsReturnedTo = @case.SupplementsReturned?.Window,
        AwaitingDecisionSince = @case.AwaitingDecisionSince,
        NextDeadlineAt = WholeMicroseconds(@case.NextClockThreshold(due, now)),
        State = CaseStateJson.Serialize(@case.ToState()),
        Revision = revision,
    };

    // A red card begins a tick after the due instant; PostgreSQL keeps microseconds and would store the due instant itself,
    // where a sweep woken then sees no red yet. Rounding up keeps the instant at or after the threshold on every provider.
    private static DateTimeOffset? WholeMicroseconds(DateTimeOffset? instant) =>
        instant is { } at && at.Ticks % TimeSpan.TicksPerMicrosecond is var rest and not 0 ? at.AddTicks(TimeSpan.TicksPerMicrosecond - rest) : instant;

    // The clerk (account) who last answered the application at the window: accepted it (容缺 too), late or not, or refused it.
    private static string? AnsweringClerkOf(Case @case) =>
        Approval.Workflows.Supervision.StaffNames.AccountOf(@case.Timeline.LastOrDefault(e =>
            e.Action is CaseAction.Accepted or CaseAction.AcceptedWithMissingMaterials or CaseAction.AcceptedUnderCommitment or CaseAction.DeemedAccepted or CaseAction.Refused)?.Actor);

    /// <summary>Every task of the case, with the case's number, item and applicant (the rows are replaced whole on each save).</summary>
    public static IEnumerable<CaseTaskRecord> Tasks(Case @case) => @case.Tasks.Select(t => new CaseTaskRecord
    {
        Id = t.Id, CaseId = @case.Id, CaseNumber = @case.Number, ItemCode = @case.ItemCode, ApplicantName = @case.Applicant.Name, DepartmentCode = t.DepartmentCode, Status = t.Status.ToString(), BookmarkId = t.BookmarkId, Level = t.Level.ToString(),
        ClaimedBy = t.ClaimedBy, DelegatedBy = t.DelegatedBy, OpenedAt = t.OpenedAt, DueAt = t.DueAt, ClosedAt = t.ClosedAt,
    });

    /// <summary>The departments the case concerns: its lead and every department with a task (the rows are replaced whole on each save).</summary>
    public static IEnumerable<CaseDepartmentRecord> Departments(Case @case) =>
        @case.Tasks.Select(t => t.DepartmentCode).Prepend(@case.LeadDepartmentCode).Distinct(StringComparer.Ordinal).Select(department => new CaseDepartmentRecord
        {
            CaseId = @case.Id, DepartmentCode = department, ItemCode = @case.ItemCode, ReceivedAt = @case.ReceivedAt, CaseNumber = @case.Number,
        });

    /// <summary>The timeline lines from <paramref name="saved"/> on (appended, never rewritten).</summary>
    public static IEnumerable<CaseEventRecord> Events(Case @case, int saved)
    {
        for (var i = saved; i < @case.Timeline.Count; i++)
        {
            var e = @case.Timeline[i];
            yield return new CaseEventRecord { CaseId = @case.Id, Sequence = i, At = e.At, Actor = e.Actor, Action = e.Action.ToString(), Reason = e.Reason, Detail = e.Detail, WindowCode = e.WindowCode };
        }
    }

    /// <summary>The violations from <paramref name="saved"/> on (appended; supervisors review the rows).</summary>
    public static IEnumerable<ViolationRecord> Violations(Case @case, int saved)
    {
        for (var i = saved; i < @case.Violations.Count; i++)
        {
            var v = @case.Violations[i];
            yield return new ViolationRecord { CaseId = @case.Id, Sequence = i, Kind = v.Kind.ToString(), At = v.At, DepartmentCode = v.DepartmentCode, Person = v.Person, WindowCode = v.WindowCode, Evidence = v.Evidence, CalendarDoubt = v.CalendarDoubt };
        }
    }
}
