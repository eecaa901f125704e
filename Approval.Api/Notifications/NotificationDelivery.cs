using Approval.Workflows.Notifications;

namespace Approval.Api.Notifications;

/// <summary>The <see cref="INotifier"/>: every notification into the recipient's inbox, then by e-mail when SMTP is configured.</summary>
internal sealed class NotificationDelivery(NotificationInbox inbox, SmtpEmailSender email) : INotifier
{
    public async Task SendAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken = default)
    {
        await inbox.AddAsync(notifications, cancellationToken);
        await email.SendAsync(notifications, cancellationToken);
    }
}
