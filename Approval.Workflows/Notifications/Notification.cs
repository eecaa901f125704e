namespace Approval.Workflows.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A task's or a case's warning level rose (提示, 黄牌, 红牌).</summary>
    WarningRaised,
}

/// <summary>
/// A message to one person about one case: its title and body in Chinese with the English in parentheses, as the inbox
/// shows it and the e-mail sends it.
/// </summary>
public sealed record Notification(string Recipient, NotificationKind Kind, string CaseId, string CaseNumber, string Title, string Body, DateTimeOffset CreatedAt);

/// <summary>Delivers notifications (the in-app inbox, and e-mail where configured). Called after the change they tell of is saved.</summary>
public interface INotifier
{
    Task SendAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken = default);
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
