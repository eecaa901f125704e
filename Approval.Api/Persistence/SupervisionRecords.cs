using Approval.Workflows.Supervision;

namespace Approval.Api.Persistence;

/// <summary>A supervisor's notice to a department (<see cref="CorrectionNotice"/>), a row per notice; statuses and kinds by name.</summary>
public sealed class CorrectionNoticeRecord
{
    public long Id { get; set; }
    public string? CaseId { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string IssuedBy { get; set; }
    /// <summary>The issuing supervisor's user name (notified of the answer).</summary>
    public string? Issuer { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset EscalateAt { get; set; }
    public required string Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? OverdueAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    public static CorrectionNoticeRecord From(CorrectionNotice notice) => new CorrectionNoticeRecord
    {
        Id = notice.Id, CaseId = notice.CaseId, DepartmentCode = notice.DepartmentCode, Kind = notice.Kind.ToString(), Subject = notice.Subject,
        Body = notice.Body, IssuedBy = notice.IssuedBy, Issuer = notice.Issuer, IssuedAt = notice.IssuedAt, DueAt = notice.DueAt, EscalateAt = notice.EscalateAt,
        Status = notice.Status.ToString(),
    }.With(notice);

    /// <summary>Copies what a step may change.</summary>
    public CorrectionNoticeRecord With(CorrectionNotice notice)
    {
        Status = notice.Status.ToString();
        Answer = notice.Answer;
        AnsweredBy = notice.AnsweredBy;
        AnsweredAt = notice.AnsweredAt;
        OverdueAt = notice.OverdueAt;
        EscalatedAt = notice.EscalatedAt;
        return this;
    }

    public CorrectionNotice ToNotice() => new()
    {
        Id = Id, CaseId = CaseId, DepartmentCode = DepartmentCode, Kind = Enum.Parse<NoticeKind>(Kind), Subject = Subject, Body = Body,
        IssuedBy = IssuedBy, Issuer = Issuer, IssuedAt = IssuedAt, DueAt = DueAt, EscalateAt = EscalateAt, Status = Enum.Parse<NoticeStatus>(Status),
        Answer = Answer, AnsweredBy = AnsweredBy, AnsweredAt = AnsweredAt, OverdueAt = OverdueAt, EscalatedAt = EscalatedAt,
    };
}

/// <summary>An applicant's complaint (<see cref="Complaint"/>), a row per complaint.</summary>
public sealed class ComplaintRecord
{
    public long Id { get; set; }
    public string? CaseId { get; set; }
    public required string Complainant { get; set; }
    public required string Contact { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset DecideBy { get; set; }
    public required string Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? TransferredTo { get; set; }
    public DateTimeOffset? TransferDueAt { get; set; }
    public string? Outcome { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? BreachedAt { get; set; }

    public static ComplaintRecord From(Complaint complaint) => new ComplaintRecord
    {
        Id = complaint.Id, CaseId = complaint.CaseId, Complainant = complaint.Complainant, Contact = complaint.Contact, Body = complaint.Body,
        ReceivedAt = complaint.ReceivedAt, DecideBy = complaint.DecideBy, Status = complaint.Status.ToString(),
    }.With(complaint);

    /// <summary>Copies what a step may change.</summary>
    public ComplaintRecord With(Complaint complaint)
    {
        Status = complaint.Status.ToString();
        DecidedBy = complaint.DecidedBy;
        DecidedAt = complaint.DecidedAt;
        DeclineReason = complaint.DeclineReason;
        TransferredTo = complaint.TransferredTo;
        TransferDueAt = complaint.TransferDueAt;
        Outcome = complaint.Outcome;
        ResolvedBy = complaint.ResolvedBy;
        ResolvedAt = complaint.ResolvedAt;
        BreachedAt = complaint.BreachedAt;
        return this;
    }

    public Complaint ToComplaint() => new()
    {
        Id = Id, CaseId = CaseId, Complainant = Complainant, Contact = Contact, Body = Body, ReceivedAt = ReceivedAt, DecideBy = DecideBy,
        Status = Enum.Parse<ComplaintStatus>(Status), DecidedBy = DecidedBy, DecidedAt = DecidedAt, DeclineReason = DeclineReason,
        TransferredTo = TransferredTo, TransferDueAt = TransferDueAt, Outcome = Outcome, ResolvedBy = ResolvedBy, ResolvedAt = ResolvedAt,
        BreachedAt = BreachedAt,
    };
}
