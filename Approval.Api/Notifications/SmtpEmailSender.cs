using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Approval.Api.Persistence;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications;

/// <summary>Sends one inbox row as an e-mail through the configured SMTP server; a failure is thrown for the outbox to retry.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    /// <exception cref="SmtpException">The server refused the message or could not be reached.</exception>
    public async Task SendAsync(NotificationRecord notification, string address, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        using var message = Message(smtp, notification, address);
        using var client = Client(smtp);
        await client.SendMailAsync(message, cancellationToken);
    }

    private static MailMessage Message(SmtpOptions smtp, NotificationRecord notification, string address)
    {
        var message = notification.EmailEnvelope is { } envelope ? ProcessMessage(smtp, ProcessEmail.Envelope.FromJson(envelope))
            : new MailMessage(new MailAddress(smtp.From), new MailAddress(address));
        Fill(message, notification);
        return message;
    }

    // A process's e-mail (Elsa.SendEmail): addressed as its step computed them, from the configured sender unless it named one.
    private static MailMessage ProcessMessage(SmtpOptions smtp, ProcessEmail.Envelope envelope)
    {
        var message = new MailMessage { From = new MailAddress(envelope.From ?? smtp.From), IsBodyHtml = true };
        foreach (var to in envelope.To)
            message.To.Add(new MailAddress(to));
        foreach (var cc in envelope.Cc)
            message.CC.Add(new MailAddress(cc));
        foreach (var bcc in envelope.Bcc)
            message.Bcc.Add(new MailAddress(bcc));
        return message;
    }

    private static void Fill(MailMessage message, NotificationRecord notification)
    {
        message.Subject = notification.Title;
        message.SubjectEncoding = Encoding.UTF8;
        message.Body = notification.Body;
        message.BodyEncoding = Encoding.UTF8;
        // Base64 whatever the server advertises: Chinese text survives any relay.
        message.BodyTransferEncoding = TransferEncoding.Base64;
        if (notification.CaseNumber is { } number)
            message.Headers.Add("X-Approval-Case", number);
        // The row's id: a receiving system can drop the duplicate of a message resent after a crash.
        message.Headers.Add("X-Approval-Notification", notification.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
