using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Approval.Api.Persistence;
using Approval.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications;

/// <summary>
/// E-mails notifications to the recipients who have an address in the Users table, one message each, through the
/// configured SMTP server. A message that cannot be sent is logged and skipped: the inbox still holds it.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, IDbContextFactory<ApprovalDbContext> contexts, ILogger<SmtpEmailSender> logger)
{
    /// <summary>Sends what it can; returns how many messages the server accepted.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<Notification> notifications, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsEnabled || notifications.Count == 0)
            return 0;
        var addresses = await AddressesAsync([.. notifications.Select(n => n.Recipient).Distinct()], cancellationToken);
        var sent = 0;
        foreach (var notification in notifications)
        {
            if (!addresses.TryGetValue(notification.Recipient, out var address))
                continue;
            try
            {
                using var message = Message(smtp, notification, address);
                using var client = Client(smtp);
                await client.SendMailAsync(message, cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException)
            {
                // An e-mail is a courtesy copy: the step that raised it is saved and the inbox has it.
                logger.LogWarning(e, "Could not e-mail the notification '{Title}' to {Recipient} <{Address}>.", notification.Title, notification.Recipient, address);
            }
        }
        return sent;
    }

    private async Task<Dictionary<string, string>> AddressesAsync(List<string> userNames, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.Where(u => userNames.Contains(u.UserName) && u.Email != null && u.Email != "")
            .Select(u => new { u.UserName, u.Email }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UserName, r => r.Email!, StringComparer.Ordinal);
    }

    private static MailMessage Message(SmtpOptions smtp, Notification notification, string address)
    {
        var message = new MailMessage(new MailAddress(smtp.From), new MailAddress(address))
        {
            Subject = notification.Title,
            SubjectEncoding = Encoding.UTF8,
            Body = notification.Body,
            BodyEncoding = Encoding.UTF8,
            // Base64 whatever the server advertises: Chinese text survives any relay.
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        message.Headers.Add("X-Approval-Case", notification.CaseNumber);
        return message;
    }

    private static SmtpClient Client(SmtpOptions smtp)
    {
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        return client;
    }
}
