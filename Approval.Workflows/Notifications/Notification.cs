namespace Approval.Workflows.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A task's or a case's warning level rose (提示, 黄牌, 红牌).</summary>
    WarningRaised,
    /// <summary>A supervisor sent the department a correction notice or a supervision recommendation (督办, 监察建议书).</summary>
    NoticeIssued,
    /// <summary>The department answered a notice.</summary>
    NoticeAnswered,
    /// <summary>A notice went unanswered past its due instant (overdue), or a working day more (escalated).</summary>
    NoticeEscalated,
    /// <summary>An applicant filed a complaint (投诉).</summary>
    ComplaintFiled,
    /// <summary>Supervisors transferred a complaint to a department (转办).</summary>
    ComplaintTransferred,
    /// <summary>A complaint was declined or resolved: the complainant hears the outcome.</summary>
    ComplaintDecided,

    // Result feedback (结果反馈): the steps of a case told to its applicant, from templates in their language.

    /// <summary>收件: the application was received, with its number and query code.</summary>
    CaseReceived,
    /// <summary>补正: every missing material at once, and the date to supply them by.</summary>
    SupplementRequested,
    /// <summary>受理 (or accepted by law, Art. 32), with the legal and promised due dates.</summary>
    CaseAccepted,
    /// <summary>不予受理, with the reason and the appeal route (Art. 38).</summary>
    CaseRefused,
    /// <summary>特别程序: the clock stopped for an inspection, expert review…, with the reason and expected length (Art. 45).</summary>
    ClockSuspended,
    /// <summary>The special procedure ended: the clock runs again, with the new due date.</summary>
    ClockResumed,
    /// <summary>延期, with the reason and the new due date (Art. 42).</summary>
    CaseExtended,
    /// <summary>准予 / 不予许可 (a refusal with the appeal route).</summary>
    CaseDecided,
    /// <summary>The result can be collected: where, how and by when.</summary>
    ResultReady,
    /// <summary>容缺: the promised materials are due by close of business of the next working day.</summary>
    PromisedMaterialsDueSoon,
    /// <summary>容缺: the promised materials did not come in time; the case ended.</summary>
    PromisedMaterialsOverdue,
    /// <summary>办结/出件: the result was handed out; the case ended.</summary>
    CaseDelivered,
    /// <summary>撤回: the case ended at the applicant's request.</summary>
    CaseWithdrawn,
    /// <summary>终止: the case ended without a decision.</summary>
    CaseTerminated,
    /// <summary>Next year's holiday schedule is missing or provisional from 1 November: administrators are reminded weekly.</summary>
    CalendarYearPending,
    /// <summary>告知承诺不实: the lead department's check found the commitment false and revoked the decision (the finding, the appeal route).</summary>
    DecisionRevoked,
}

/// <summary>
/// A message to one person, about a case or not (a supervision recommendation, a general complaint): its title and body in
/// Chinese with the English in parentheses, as the inbox shows it and the e-mail sends it.
/// </summary>
public sealed record Notification(string Recipient, NotificationKind Kind, string? CaseId, string? CaseNumber, string Title, string Body, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The event it tells of (<c>case id:timeline line:kind</c>), unique per recipient: the same event never makes a second row,
    /// so never a second e-mail or SMS. Null for the supervision notifications, which their own steps make once.
    /// </summary>
    public string? EventKey { get; init; }

    /// <summary>Whether an e-mail copy goes out (to the recipient's address, when e-mail is configured).</summary>
    public bool ByEmail { get; init; } = true;

    /// <summary>The SMS copy, if the recipient asked for SMS: the number and the short text.</summary>
    public SmsCopy? Sms { get; init; }
}

/// <summary>An SMS (短信) copy of a notification: a mainland mobile number and the text of the notification kind's SMS template.</summary>
public sealed record SmsCopy(string Phone, string Text);

/// <summary>
/// The e-mail copies of notifications are sent after the change they tell of commits, from the inbox rows committed with
/// it (an outbox): <see cref="Wake"/> asks for a delivery soon. A lost wake-up only delays them — the periodic delivery
/// finds every row not yet sent.
/// </summary>
public interface INotificationOutbox
{
    void Wake();
}

/// <summary>The people notifications go to, by role and department: user names, as they sign in.</summary>
public interface IStaffDirectory
{
    /// <summary>The user names of the department's reviewers (<see cref="People.Role.DepartmentReviewer"/>).</summary>
    Task<IReadOnlyList<string>> ReviewersOfAsync(string departmentCode, CancellationToken cancellationToken = default);

    /// <summary>The user names of the department's head(s).</summary>
    Task<IReadOnlyList<string>> HeadsOfAsync(string departmentCode, CancellationToken cancellationToken = default);

    /// <summary>The user names of the window clerks (<see cref="People.Role.WindowClerk"/>).</summary>
    Task<IReadOnlyList<string>> ClerksAsync(CancellationToken cancellationToken = default);

    /// <summary>The user names of every supervisor (监察人员).</summary>
    Task<IReadOnlyList<string>> SupervisorsAsync(CancellationToken cancellationToken = default);
}
