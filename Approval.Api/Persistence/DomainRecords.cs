using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>A department row.</summary>
public sealed class DepartmentRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>An approval item: searchable columns, and the whole item as JSON.</summary>
public sealed class ApprovalItemRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string LeadDepartmentCode { get; set; }
    /// <summary>The version in force: <see cref="Json"/> is that version's, as in its <see cref="ApprovalItemVersionRecord"/>.</summary>
    public int Version { get; set; } = 1;
    public required string Json { get; set; }
    /// <summary>The administrator's draft (草稿), not in force; null when there is none.</summary>
    public string? DraftJson { get; set; }
    public int? DraftBasedOn { get; set; }
    public DateTimeOffset? DraftSavedAt { get; set; }
    public string? DraftSavedBy { get; set; }
}

/// <summary>A published version of an item, never changed: what the cases submitted under it read.</summary>
public sealed class ApprovalItemVersionRecord
{
    public required string ItemCode { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }
    /// <summary>Null for the version 1 the migration made of an item from before versions were kept.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? Note { get; set; }
    public int? RolledBackFrom { get; set; }
}

/// <summary>A user who signs in.</summary>
public sealed class UserRecord
{
    public required string Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? DepartmentCode { get; set; }
    public string? WindowCode { get; set; }
    public string? ApplicantIdNumber { get; set; }
    public string? Email { get; set; }
    /// <summary>窗口负责人: a window clerk whose work lists may show the whole center.</summary>
    public bool IsLeadClerk { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Changed by a sign-out, a password change or a role change: cookies and tokens carrying another stamp are refused.</summary>
    public string SecurityStamp { get; set; } = "";
    /// <summary>Wrong passwords since the last successful sign-in (or an administrator's unlock).</summary>
    public int FailedSignIns { get; set; }
    /// <summary>Until when sign-in is refused after too many wrong passwords in a row; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// A notification in a user's in-app inbox, written in the transaction of the change it tells of; only its read mark and
/// its e-mail columns change. The rows whose <see cref="EmailDueAt"/> is set are the e-mail outbox.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public required string Recipient { get; set; }
    public required string Kind { get; set; }
    public string? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>When the e-mail copy is (next) to be tried; null once there is nothing more to do (sent, no address, given up).</summary>
    public DateTimeOffset? EmailDueAt { get; set; }
    /// <summary>How many times delivery took the row to send it.</summary>
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    /// <summary>
    /// A process's e-mail (<c>Elsa.SendEmail</c>): its sender and recipients as JSON (<c>ProcessEmail.Envelope</c>), sent to
    /// them instead of the recipient's account, with an HTML body; null for a notification to a person.
    /// </summary>
    public string? EmailEnvelope { get; set; }
    /// <summary>The event the row tells of (case id, timeline line, kind): unique per recipient, so an event is told once.</summary>
    public string? EventKey { get; set; }
    /// <summary>The mobile number the SMS copy goes to; null when the recipient did not ask for SMS.</summary>
    public string? SmsPhone { get; set; }
    public string? SmsText { get; set; }
    /// <summary>When the SMS copy is (next) to be tried; null once there is nothing more to do (sent, given up, none asked).</summary>
    public DateTimeOffset? SmsDueAt { get; set; }
    public int SmsAttempts { get; set; }
    public DateTimeOffset? SmsSentAt { get; set; }

    /// <summary>A new row for the notification, its e-mail (unless the recipient declined it) and SMS (if asked for) due at once.</summary>
    public static NotificationRecord From(Approval.Workflows.Notifications.Notification n, DateTimeOffset now) => new()
    {
        Recipient = n.Recipient, Kind = n.Kind.ToString(), CaseId = n.CaseId, CaseNumber = n.CaseNumber, Title = n.Title, Body = n.Body,
        CreatedAt = n.CreatedAt, EmailDueAt = n.ByEmail ? now : null, EventKey = n.EventKey,
        SmsPhone = n.Sms?.Phone, SmsText = n.Sms?.Text, SmsDueAt = n.Sms is null ? null : now,
    };
}

/// <summary>How a user wants to hear of their cases (result feedback): e-mail and/or SMS besides the inbox, and the language.</summary>
public sealed class ContactPreferenceRecord
{
    public required string UserName { get; set; }
    public bool ByEmail { get; set; }
    public bool BySms { get; set; }
    /// <summary>A mainland mobile number (11 digits).</summary>
    public string? Phone { get; set; }
    public required string Culture { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An administrator's template of one notification kind in one language, in place of the shipped one.</summary>
public sealed class NotificationTemplateRecord
{
    public required string Kind { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Sms { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>Stages inbox rows in a context, to be saved with the change they tell of.</summary>
public static class NotificationRows
{
    public static void AddNotifications(this ApprovalDbContext db, IEnumerable<Approval.Workflows.Notifications.Notification> notifications, DateTimeOffset now) =>
        db.Notifications.AddRange(notifications.Select(n => NotificationRecord.From(n, now)));

    /// <summary>The number of the case a notice or complaint concerns, for its notifications; null for none.</summary>
    public static async Task<string?> CaseNumberAsync(this ApprovalDbContext db, string? caseId, CancellationToken cancellationToken) =>
        caseId is null ? null : await db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleOrDefaultAsync(cancellationToken);
}

/// <summary>A case: the columns lists and supervision filter on, and the whole case as JSON, guarded by a revision.</summary>
public sealed class CaseRecord
{
    public required string Id { get; set; }
    public required string Number { get; set; }
    public required string QueryCode { get; set; }
    public required string ItemCode { get; set; }
    public required string Status { get; set; }
    /// <summary>The warning level (Green, Prompt, Yellow, Red) as last observed.</summary>
    public string Level { get; set; } = "Green";
    public required string ApplicantIdNumber { get; set; }
    public required string ApplicantName { get; set; }
    public required string LeadDepartmentCode { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? WorkflowInstanceId { get; set; }
    /// <summary>The next instant a warning level of the case or one of its tasks changes (提示/黄牌/红牌); the deadline sweep reads this index.</summary>
    public DateTimeOffset? NextDeadlineAt { get; set; }
    /// <summary>Close of business of the day promised materials (容缺) are due; null when none are owed.</summary>
    public DateTimeOffset? PromiseDueAt { get; set; }
    /// <summary>告知承诺: when the lead department's verification (事后核查) is due, while the commitment awaits it; else null.</summary>
    public DateTimeOffset? CommitmentVerificationDueAt { get; set; }
    /// <summary>
    /// 告知承诺: when the case was accepted under a commitment, while it is open or its commitment awaits verification (the
    /// credit sweep's promises to check, <c>PromiseCreditWatch</c>); else null.
    /// </summary>
    public DateTimeOffset? CommitmentAcceptedAt { get; set; }
    /// <summary>容缺: when the applicant is to be reminded of the materials they owe; null once reminded, or with none owed.</summary>
    public DateTimeOffset? PromiseReminderAt { get; set; }
    /// <summary>受理窗口: the window that accepted or refused the application.</summary>
    public string? AcceptingWindowCode { get; set; }
    /// <summary>出件窗口: the window that handed out the result.</summary>
    public string? DeliveringWindowCode { get; set; }
    /// <summary>The window clerk (account) who accepted or refused the application; null while unanswered or accepted by silence.</summary>
    public string? AnsweringClerk { get; set; }
    /// <summary>The applicant's rating (满意度), 1 非常不满意 to 5 非常满意; null until rated.</summary>
    public int? Rating { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    /// <summary>
    /// When the window step the case waits in is due: 受理 within 5 working days of receipt (Art. 32), 出件 within 10 of the
    /// decision (Art. 44); null while the case is with the departments, the applicant or closed. The window's work lists sort on it.
    /// </summary>
    public DateTimeOffset? WindowDueAt { get; set; }
    /// <summary>补正已交: when the supplements a window asked for came back, while the application waits for its answer again; else null.</summary>
    public DateTimeOffset? SupplementsReturnedAt { get; set; }
    /// <summary>The window that asked for the supplements returned (<see cref="SupplementsReturnedAt"/>); null otherwise or if none was named.</summary>
    public string? SupplementsReturnedTo { get; set; }
    /// <summary>待决定: since when the case waits at the lead department's decision (in review, no task open); else null.</summary>
    public DateTimeOffset? AwaitingDecisionSince { get; set; }
    public required string State { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// A department a case concerns: the lead department and each department with a task of it (open or closed). A department's
/// staff search reads these rows alone — counted and ordered on (DepartmentCode, ItemCode, ReceivedAt, Number) — instead
/// of probing the tasks once per case of the item. The case's item, receipt and number are copied, rewritten with the case.
/// </summary>
public sealed class CaseDepartmentRecord
{
    public required string CaseId { get; set; }
    public required string DepartmentCode { get; set; }
    public required string ItemCode { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string CaseNumber { get; set; }
}

/// <summary>A department task of a case, for the department's work list.</summary>
public sealed class CaseTaskRecord
{
    public required string Id { get; set; }
    public required string CaseId { get; set; }
    // The case's number, item and applicant, copied onto each task so the supervisors' task list filters, orders and
    // shows them from the task rows alone; a case's tasks are rewritten with it on every save, so the copies stay current.
    public required string CaseNumber { get; set; }
    public required string ItemCode { get; set; }
    public required string ApplicantName { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Status { get; set; }
    public required string BookmarkId { get; set; }
    public string Level { get; set; } = "Green";
    public string? ClaimedBy { get; set; }
    /// <summary>委托: who handed the task to <see cref="ClaimedBy"/>, while it is delegated (a reviewer's "delegated to me" list).</summary>
    public string? DelegatedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A line of a case's timeline; appended, never changed.</summary>
public sealed class CaseEventRecord
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Reason { get; set; }
    public string? Detail { get; set; }
    /// <summary>The window a window step was done at.</summary>
    public string? WindowCode { get; set; }
}

/// <summary>A violation recorded on a case; appended, never changed here.</summary>
public sealed class ViolationRecord
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public int Sequence { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? DepartmentCode { get; set; }
    public string? Person { get; set; }
    /// <summary>The window a window step's breach happened at.</summary>
    public string? WindowCode { get; set; }
    public required string Evidence { get; set; }
    /// <summary>A supervisor's review: Open until confirmed or dismissed (with a reason); the row itself is never deleted.</summary>
    public string Review { get; set; } = "Open";
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewReason { get; set; }
    /// <summary>Set when an administrator's calendar change shows the breach would not have been recorded: why, for the review.</summary>
    public string? CalendarDoubt { get; set; }
}

/// <summary>An idempotent submission: the key a client sent and the case it created.</summary>
public sealed class SubmissionRecord
{
    public required string IdempotencyKey { get; set; }
    public required string Submitter { get; set; }
    public required string CaseId { get; set; }
    /// <summary>SHA-256 (hex) of the application the key was first sent with; null for keys kept before it was recorded.</summary>
    public string? Fingerprint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An administrator's holiday schedule for a year, overriding (or adding to) the shipped official one.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A reviewer's absence and their substitute; replaced when they set a new one.</summary>
public sealed class AbsenceRecord
{
    public required string UserName { get; set; }
    public required string Substitute { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
}
