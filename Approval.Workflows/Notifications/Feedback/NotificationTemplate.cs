namespace Approval.Workflows.Notifications.Feedback;

/// <summary>
/// What an applicant is told of one kind of step, in one language: the inbox (and e-mail) title and body, and the shorter SMS
/// text. <c>{name}</c> stands for a value of the step (<see cref="TemplatePlaceholders"/>).
/// </summary>
public sealed record NotificationTemplate(NotificationKind Kind, string Culture, string Title, string Body, string Sms);

/// <summary>The languages applicants read their messages in: 简体中文 (the default) and English.</summary>
public static class NotificationCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The culture as spelled here (<c>zh-cn</c> → <c>zh-CN</c>); null when it is not one of <see cref="All"/>.</summary>
    public static string? Normalize(string? culture) =>
        All.FirstOrDefault(c => string.Equals(c, culture?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsEnglish(string culture) => culture == English;
}

/// <summary>The templates in force: an administrator's, else the shipped one (<see cref="ShippedTemplates"/>).</summary>
public interface INotificationTemplates
{
    Task<NotificationTemplate> FindAsync(NotificationKind kind, string culture, CancellationToken cancellationToken = default);
}
