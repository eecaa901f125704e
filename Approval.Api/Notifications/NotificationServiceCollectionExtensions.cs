using Approval.Workflows.Notifications;

namespace Approval.Api.Notifications;

/// <summary>Wires notifications: recipients from the Users table, the in-app inbox, and e-mail over <c>Approval:Smtp</c>.</summary>
public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IStaffDirectory, EfStaffDirectory>();
        services.AddSingleton<WarningNotices>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<INotifier, NotificationDelivery>();
        return services;
    }
}
