namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>
    /// A supervision step about the case — a notice issued, answered or escalated, a complaint filed or decided — as a line
    /// of its timeline. It changes nothing else of the case: supervisors change no case.
    /// </summary>
    public void RecordSupervision(DateTimeOffset at, string actor, CaseAction action, string? reason, string detail)
    {
        if (action is not (CaseAction.NoticeIssued or CaseAction.NoticeAnswered or CaseAction.NoticeEscalated
            or CaseAction.ComplaintFiled or CaseAction.ComplaintProgressed))
            throw new ArgumentOutOfRangeException(nameof(action), action, "not a supervision step");
        Record(at, actor, action, reason, detail);
    }
}
