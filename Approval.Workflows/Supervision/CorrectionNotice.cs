using Approval.Workflows.Inputs;
using static Approval.Workflows.Supervision.SupervisionRuleException;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Supervision;

/// <summary>What a supervisor sends: a correction notice about a case (督办/纠错), or a supervision recommendation to a unit (监察建议书).</summary>
public enum NoticeKind
{
    CorrectionNotice,
    SupervisionRecommendation,
}

/// <summary>
/// Open until the department answers. Past its due instant unanswered it is Overdue (escalated to the department's
/// head); one working day later still unanswered it is Escalated (to supervisors). A late answer is still taken.
/// </summary>
public enum NoticeStatus
{
    Open,
    Answered,
    Overdue,
    Escalated,
}

/// <summary>
/// A supervisor's notice to a department (domain.md §6, 督办): the department answers by its due instant (working
/// days on the calendar in force); unanswered, it turns overdue and escalates. Immutable: each step answers the
/// notice as it is after the step, or throws <see cref="SupervisionRuleException"/> with the rule.
/// </summary>
public sealed record CorrectionNotice
{
    public long Id { get; init; }
    public string? CaseId { get; init; }
    public required string DepartmentCode { get; init; }
    public NoticeKind Kind { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public required string IssuedBy { get; init; }
    /// <summary>The issuing supervisor's user name, whom the answer notifies; null on notices issued before it was recorded.</summary>
    public string? Issuer { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    /// <summary>When an overdue notice goes up to supervisors: one working day after <see cref="DueAt"/>.</summary>
    public DateTimeOffset EscalateAt { get; init; }
    public NoticeStatus Status { get; init; }
    public string? Answer { get; init; }
    public string? AnsweredBy { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? OverdueAt { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>Whether the answer came after the due instant.</summary>
    public bool AnsweredLate => AnsweredAt is { } at && at > DueAt;

    public static CorrectionNotice Issue(string? caseId, string departmentCode, NoticeKind kind, string subject, string body, string issuedBy,
        DateTimeOffset now, DateTimeOffset dueAt, DateTimeOffset escalateAt)
    {
        TextLimits.Check("caseId", caseId, TextLimits.Code);
        TextLimits.Check("departmentCode", departmentCode, TextLimits.Code);
        TextLimits.Check("subject", subject, TextLimits.Name);
        TextLimits.Check("body", body, TextLimits.Prose);
        Require(!string.IsNullOrWhiteSpace(departmentCode), Refusal.Of(RefusalCode.NoticeNeedsDepartment, $"a notice goes to a department"));
        Require(!string.IsNullOrWhiteSpace(subject), Refusal.Of(RefusalCode.NoticeNeedsSubject, $"a notice has a subject"));
        Require(!string.IsNullOrWhiteSpace(body), Refusal.Of(RefusalCode.NoticeNeedsBody, $"a notice says what is to be corrected"));
        Require(kind != NoticeKind.CorrectionNotice || !string.IsNullOrWhiteSpace(caseId), Refusal.Of(RefusalCode.CorrectionNoticeNeedsCase, $"a correction notice concerns a case"));
        Require(dueAt > now, Refusal.Of(RefusalCode.NoticeDueAfterIssue, $"a notice is due after it is issued"));
        Require(escalateAt > dueAt, Refusal.Of(RefusalCode.EscalationAfterDue, $"escalation follows the due instant"));
        return new CorrectionNotice
        {
            CaseId = string.IsNullOrWhiteSpace(caseId) ? null : caseId.Trim(), DepartmentCode = departmentCode.Trim(), Kind = kind,
            Subject = subject.Trim(), Body = body.Trim(), IssuedBy = issuedBy, IssuedAt = now, DueAt = dueAt, EscalateAt = escalateAt,
            Status = NoticeStatus.Open,
        };
    }

    /// <summary>The department's answer; an overdue or escalated notice may still be answered (late).</summary>
    public CorrectionNotice Answered(string answer, string by, DateTimeOffset now)
    {
        TextLimits.Check("answer", answer, TextLimits.Prose);
        Require(Status != NoticeStatus.Answered, Refusal.Of(RefusalCode.NoticeAlreadyAnswered, $"the notice was already answered"));
        Require(!string.IsNullOrWhiteSpace(answer), Refusal.Of(RefusalCode.AnswerSaysWhatWasDone, $"an answer says what was done"));
        return this with { Status = NoticeStatus.Answered, Answer = answer.Trim(), AnsweredBy = by, AnsweredAt = now };
    }

    /// <summary>What the sweep does at <paramref name="now"/>: Open past due → Overdue, Overdue past escalation → Escalated; itself when nothing is due.</summary>
    public CorrectionNotice Swept(DateTimeOffset now)
    {
        var notice = this;
        if (notice.Status == NoticeStatus.Open && now > DueAt)
            notice = notice with { Status = NoticeStatus.Overdue, OverdueAt = now };
        if (notice.Status == NoticeStatus.Overdue && now > EscalateAt)
            notice = notice with { Status = NoticeStatus.Escalated, EscalatedAt = now };
        return notice;
    }
}
