using Approval.Workflows.Notifications;

namespace Approval.Api.Notifications;

/// <summary>
/// Wires notifications: recipients from the Users table, the in-app inbox (rows written in the unit of work of the change
/// they tell of), and their e-mail copies over <c>Approval:Smtp</c> from the outbox, woken through Hangfire.
/// </summary>
public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IStaffDirectory, EfStaffDirectory>();
        services.AddSingleton<WarningNotices>();
        services.AddSingleton<SupervisionNotices>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddTransient<EmailOutbox>();
        services.AddSingleton<INotificationOutbox, HangfireNotificationOutbox>();
        return services;
    }
}
