using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;

namespace Approval.Workflows.Supervision;

/// <summary>
/// One stage of a case as provincial supervision platforms receive them (e.g. Heilongjiang DB23/T 2551): 受理 → 承办 →
/// 审核 → 批准 → 办结, plus 暂停/恢复 (special procedures) and 延期 (extensions). The field names are the export's schema.
/// </summary>
/// <param name="Stage">Accept, Undertake, Review, Approve, Complete, Suspend, Resume, Extend, Fee.</param>
/// <param name="StageName">The stage's Chinese name: 受理, 承办, 审核, 批准, 办结, 暂停, 恢复, 延期, 收费.</param>
/// <param name="WorkingDaysUsed">Working days from the stage's start (receipt for 受理, the task's opening for 承办/审核, acceptance otherwise) to <paramref name="At"/>, suspended days excluded.</param>
/// <param name="LimitDays">The limit the stage is held to, in working days, where there is one.</param>
public sealed record StageRecord(
    string CaseNumber,
    string ItemCode,
    string Stage,
    string StageName,
    string? DepartmentCode,
    string? Person,
    DateTimeOffset At,
    int? WorkingDaysUsed,
    int? LimitDays,
    string? Detail);

/// <summary>The stage records of a case, from its timeline and tasks.</summary>
public static class StageRecords
{
    public static IEnumerable<StageRecord> Of(Case c, DueInstantCalculator due, CaseRules rules)
    {
        StageRecord Record(string stage, string name, string? department, string? person, DateTimeOffset at, DateTimeOffset? from, int? limit, string? detail) =>
            new(c.Number, c.ItemCode, stage, name, department, person, at, from is { } start ? due.WorkingDaysUsed(start, at, c.Suspensions) : null, limit, detail);

        var records = new List<StageRecord>();
        foreach (var e in c.Timeline)
        {
            switch (e.Action)
            {
                case CaseAction.Accepted or CaseAction.DeemedAccepted:
                    records.Add(Record("Accept", "受理", c.LeadDepartmentCode, e.Actor, e.At, c.ReceivedAt, rules.AcceptanceWindowDays,
                        e.Action == CaseAction.DeemedAccepted ? $"deemed accepted: {e.Reason}" : null));
                    break;
                case CaseAction.Decided:
                    records.Add(Record("Approve", "批准", c.LeadDepartmentCode, e.Actor, e.At, c.AcceptedAt, c.PromisedLimitDays + c.ExtensionDays, e.Detail));
                    break;
                case CaseAction.Delivered:
                    records.Add(Record("Complete", "办结", c.LeadDepartmentCode, e.Actor, e.At, c.AcceptedAt, c.PromisedLimitDays + c.ExtensionDays, null));
                    break;
                case CaseAction.ClockSuspended:
                    records.Add(Record("Suspend", "暂停", null, e.Actor, e.At, null, null, e.Reason));
                    break;
                case CaseAction.ClockResumed:
                    records.Add(Record("Resume", "恢复", null, e.Actor, e.At, null, null, null));
                    break;
                case CaseAction.FeeCharged:
                    records.Add(Record("Fee", "收费", c.LeadDepartmentCode, e.Actor, e.At, null, null, e.Detail));
                    break;
                case CaseAction.Extended:
                    records.Add(Record("Extend", "延期", c.LeadDepartmentCode, e.Actor, e.At, c.AcceptedAt, c.PromisedLimitDays + c.ExtensionDays, e.Reason));
                    break;
            }
        }
        foreach (var task in c.Tasks)
        {
            records.Add(Record("Undertake", "承办", task.DepartmentCode, task.ClaimedBy, task.OpenedAt, task.OpenedAt, task.LimitDays, null));
            if (task.Opinion is { } opinion && task.ClosedAt is { } closed)
                records.Add(Record("Review", "审核", task.DepartmentCode, opinion.Reviewer, closed, task.OpenedAt, task.LimitDays, opinion.Verdict.ToString()));
        }
        return records.OrderBy(r => r.At);
    }
}
