namespace Approval.Workflows.Cases;

/// <summary>Where a case (办件) stands in its lifecycle (domain.md §5).</summary>
public enum CaseStatus
{
    /// <summary>网上申报: submitted, waiting for the window's pre-review.</summary>
    Submitted,
    /// <summary>补正: the window asked for missing materials, all at once.</summary>
    SupplementRequested,
    /// <summary>不予受理: refused at the window, with the reason and the appeal rights.</summary>
    Refused,
    /// <summary>承办/审查: accepted; departments review in parallel.</summary>
    InReview,
    /// <summary>特别程序: the clock is stopped (hearing, inspection, expert review…).</summary>
    Suspended,
    /// <summary>准予 / 不予许可: decided by the lead department.</summary>
    Decided,
    /// <summary>办结/出件: the result was handed out.</summary>
    Delivered,
    /// <summary>撤回: withdrawn by the applicant.</summary>
    Withdrawn,
    /// <summary>终止: ended without a decision (e.g. promised materials never came).</summary>
    Terminated,
    /// <summary>撤销: the decision was revoked, its 告知承诺 found false at verification (事后核查).</summary>
    Revoked,
}

/// <summary>What happened on a case, for its timeline.</summary>
public enum CaseAction
{
    Submitted,
    SupplementRequested,
    Supplemented,
    Accepted,
    AcceptedWithMissingMaterials,
    DeemedAccepted,
    Refused,
    TaskOpened,
    TaskClaimed,
    TaskReleased,
    TaskDelegated,
    TaskReassigned,
    OpinionGiven,
    TaskCancelled,
    ClockSuspended,
    ClockResumed,
    /// <summary>A stopped clock ran past the length expected of its special procedure: someone should resume it or say why not.</summary>
    SuspensionOverrun,
    Extended,
    Decided,
    Delivered,
    Withdrawn,
    Terminated,
    Corrected,
    ViolationRecorded,
    /// <summary>A fee was charged.</summary>
    FeeCharged,
    /// <summary>A file was attached.</summary>
    Attached,
    /// <summary>A warning level rose (提示, 黄牌, 红牌) on the case or one of its tasks.</summary>
    WarningRaised,
    /// <summary>A supervisor's correction notice (督办) or supervision recommendation about the case.</summary>
    NoticeIssued,
    /// <summary>The department answered a notice.</summary>
    NoticeAnswered,
    /// <summary>A notice went unanswered past its due instant: overdue, escalated.</summary>
    NoticeEscalated,
    /// <summary>The applicant rated the service (满意度评价) after delivery or refusal.</summary>
    Rated,
    /// <summary>An applicant complained (投诉) about the case.</summary>
    ComplaintFiled,
    /// <summary>Supervisors decided on, transferred or resolved a complaint, or its decision limit passed.</summary>
    ComplaintProgressed,
    /// <summary>容缺: the applicant was reminded that the promised materials are due by the next close of business.</summary>
    PromiseReminded,
    /// <summary>A deadline was counted through a provisional calendar year (from the statute: 调休 not yet published).</summary>
    DeadlineProvisional,
    /// <summary>An administrator's calendar change moved a deadline (期限因工作日历调整由 … 改为 …).</summary>
    DeadlineMoved,
    /// <summary>The applicant's credit standing (良好, 一般, 警示, 失信) as of acceptance, which the process and the 容缺 rule used.</summary>
    CreditStandingUsed,
    /// <summary>告知承诺: accepted on the applicant's signed commitment that they meet the item's published conditions.</summary>
    AcceptedUnderCommitment,
    /// <summary>事后核查: the lead department verified the commitment after the decision (reason Kept or False, detail its finding).</summary>
    CommitmentVerified,
    /// <summary>撤销: the decision was revoked (a commitment found false).</summary>
    DecisionRevoked,
    /// <summary>A department's own system answered the case's process (an <c>Elsa.HttpEndpoint</c> it waited at): actor the system, detail the callback path.</summary>
    DepartmentSystemAnswered,
}

/// <summary>One line of a case's timeline: who did what, when, why. Never changed, never deleted.</summary>
public sealed record CaseEvent(DateTimeOffset At, string Actor, CaseAction Action, string? Reason = null, string? Detail = null)
{
    /// <summary>The window (窗口) a window step was done at: accepted, refused, supplements asked, a fee charged, delivered.</summary>
    public string? WindowCode { get; init; }
}

/// <summary>A breach of the rules, recorded automatically for electronic supervision (自动违规警示).</summary>
public enum ViolationKind
{
    /// <summary>超时受理: no answer within 5 working days of receipt.</summary>
    LateAcceptance,
    /// <summary>补正不一次告知: a second supplement request on one case.</summary>
    RepeatedSupplementRequest,
    /// <summary>超时办理: a department's task past its limit.</summary>
    OverdueTask,
    /// <summary>超期办结: the case past its limit.</summary>
    OverdueCase,
    /// <summary>违规收费: a fee different from the catalog's.</summary>
    FeeMismatch,
    /// <summary>An extension asked for after the limit had passed.</summary>
    LateExtension,
    /// <summary>超期出件: the result not handed out within 10 working days of the decision (Art. 44); a step overdue while the case was not.</summary>
    OverdueDelivery,
    /// <summary>逾期未答复视为受理: the window let 5 working days pass in silence; the case counts as accepted (Art. 32).</summary>
    AcceptedBySilence,
    /// <summary>不予受理/不予许可未说明理由: a refusal whose reason says nothing (Art. 38).</summary>
    RefusalWithoutReason,
    /// <summary>暂停计时未说明理由: the clock stopped with a reason that says nothing (Art. 45).</summary>
    SuspensionWithoutReason,
    /// <summary>
    /// 违规容缺受理: accepted under a promise (容缺受理, 告知承诺) though the applicant's standing at that instant (警示, 失信)
    /// excluded it — a case the window's check did not stop (written past it, or the standing changed between check and commit).
    /// </summary>
    PromiseDespiteCredit,
    /// <summary>告知承诺未按期核查: the lead department did not verify a commitment within the item's verification period.</summary>
    CommitmentVerificationOverdue,
}

/// <summary>A violation as recorded on a case.</summary>
public sealed record Violation(ViolationKind Kind, DateTimeOffset At, string? DepartmentCode, string? Person, string Evidence)
{
    /// <summary>The window a window step's breach happened at (late acceptance, repeated supplement request, fee mismatch).</summary>
    public string? WindowCode { get; init; }

    /// <summary>
    /// Set when an administrator's calendar change shows the breach would not have been recorded (the deadline, counted
    /// again, had not passed): why, for the supervisors' review. The violation itself stays.
    /// </summary>
    public string? CalendarDoubt { get; init; }
}
