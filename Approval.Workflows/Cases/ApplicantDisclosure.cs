namespace Approval.Workflows.Cases;

/// <summary>
/// What the applicant is told of their case. They follow it step by step and see who handles it (经办人: the clerk who
/// accepted, the reviewers who claimed and answered, the head who signed), as open government asks; they do not see the
/// staff's disciplinary record (violations), nor the supervision of the staff (warning cards, supervisors' notices and
/// answers, overrun alerts) or the reasons given for internal moves (a reassignment, a correction). Complaints about the
/// case and their progress are the applicant's own business and stay in view.
/// </summary>
public static class ApplicantDisclosure
{
    public static bool IsToldToApplicant(this CaseAction action) => action switch
    {
        CaseAction.ViolationRecorded or CaseAction.WarningRaised or CaseAction.SuspensionOverrun or CaseAction.NoticeIssued
            or CaseAction.NoticeAnswered or CaseAction.NoticeEscalated or CaseAction.Corrected => false,
        _ => true,
    };

    /// <summary>A reassignment's reason speaks of the staff (leave, workload), not of the case: the applicant sees the move, not why.</summary>
    public static bool ReasonIsToldToApplicant(this CaseAction action) => action != CaseAction.TaskReassigned;
}
