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
    /// <summary>Next year's holiday schedule is missing or provisional from 1 November: administrators are reminded weekly.</summary>
    CalendarYearPending,
}

/// <summary>
/// A message to one person, about a case or not (a supervision recommendation, a general complaint): its title and body in
/// Chinese with the English in parentheses, as the inbox shows it and the e-mail sends it.
/// </summary>
public sealed record Notification(string Recipient, NotificationKind Kind, string? CaseId, string? CaseNumber, string Title, string Body, DateTimeOffset CreatedAt);

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
