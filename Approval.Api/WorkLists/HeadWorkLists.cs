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
}

/// <summary>Which cases each head list holds, on (LeadDepartmentCode, Status, DueAt, Number), soonest due first.</summary>
internal static class HeadWorkLists
{
    private static readonly string InReview = nameof(CaseStatus.InReview);
    private static readonly string Suspended = nameof(CaseStatus.Suspended);
    private static readonly string OpenTask = nameof(Approval.Workflows.Cases.TaskStatus.Open);
    private static readonly string[] Warned = [nameof(WarningLevel.Prompt), nameof(WarningLevel.Yellow), nameof(WarningLevel.Red)];

    public static CaseListQuery For(HeadList list, string department) => list switch
    {
        HeadList.ExtensionCandidates => new(db => db.Cases.Where(c => c.LeadDepartmentCode == department
                && (c.Status == InReview || c.Status == Suspended) && Warned.Contains(c.Level)),
            CaseListQuery.SoonestFirst(c => c.DueAt)),
        // In review with no open task: the process waits at the lead's decision (tasks open in the step that closes the last one).
        // NOT IN the open tasks' cases (one pass over an index of open tasks), not NOT EXISTS per case: that looked up every
        // task row of each of the department's cases in review.
        HeadList.AwaitingDecision => new(db => db.Cases.Where(c => c.LeadDepartmentCode == department && c.Status == InReview
                && !db.CaseTasks.Where(t => t.Status == OpenTask).Select(t => t.CaseId).Contains(c.Id)),
            CaseListQuery.SoonestFirst(c => c.DueAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };
}
