using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Api.WorkLists;

/// <summary>A department head's case lists (the notices to answer are <c>GET /api/notices</c>, the tasks to reassign a task view).</summary>
public enum HeadList
{
    /// <summary>
    /// 延期候选: cases the department leads, in review or suspended, whose clock shows 提示, 黄牌 or 红牌 — where the head
    /// decides on an extension (Art. 42; asked after the limit it counts as late). The domain has no separate "request" step:
    /// the head extends directly.
    /// </summary>
    ExtensionCandidates,
    /// <summary>待决定: cases the department leads, every department's task answered, waiting for the head's decision.</summary>
    AwaitingDecision,
    /// <summary>待核查: cases the department leads decided under a 告知承诺 not verified yet (事后核查), soonest due first.</summary>
    AwaitingVerification,
}

/// <summary>Which cases each head list holds, soonest due first, each read off an index in its order.</summary>
internal static class HeadWorkLists
{
    private static readonly string InReview = nameof(CaseStatus.InReview);
    private static readonly string Suspended = nameof(CaseStatus.Suspended);
    private static readonly string[] WarnedLevels = [nameof(WarningLevel.Prompt), nameof(WarningLevel.Yellow), nameof(WarningLevel.Red)];

    public static CaseListQuery For(HeadList list, string department) => list switch
    {
        // In review (its clock runs: DueAt set) by due instant, then the suspended (the clock stopped: no DueAt) by number, each
        // part counted and paged off the partial index of warned cases (IX_Cases_ExtensionCandidates); one query over both
        // statuses sorted every warned case of the department for each page (p50 104 ms at a million cases).
        HeadList.ExtensionCandidates => Warned(department, InReview).Then(Warned(department, Suspended)),
        // In review with no open task (Case.AwaitingDecisionSince, a column), read in order from the partial index of the waiting
        // cases — not a pass over every open task's case for each read. In review, the clock runs: DueAt is always set.
        HeadList.AwaitingDecision => new(db => db.Cases.Where(c => c.LeadDepartmentCode == department && c.AwaitingDecisionSince != null),
            CaseListQuery.ByIndex(c => c.DueAt)),
        // Decided (or delivered) under a commitment still unverified: the column is set while it awaits, overdue or not.
        HeadList.AwaitingVerification => new(db => db.Cases.Where(c => c.LeadDepartmentCode == department && c.CommitmentVerificationDueAt != null),
            CaseListQuery.ByIndex(c => c.CommitmentVerificationDueAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    private static CaseListQuery Warned(string department, string status) =>
        new(db => db.Cases.Where(c => c.LeadDepartmentCode == department && c.Status == status && WarnedLevels.Contains(c.Level)), CaseListQuery.ByIndex(c => c.DueAt));
}
