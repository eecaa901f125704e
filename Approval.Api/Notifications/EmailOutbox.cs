using System.Linq.Expressions;
using System.Net.Mail;
using Approval.Api.Persistence;
using Approval.Workflows.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications;

/// <summary>
/// E-mail (<c>Approval:Smtp</c>): a row goes to its recipient's address on their account (none: done unsent), a process's
/// e-mail (<see cref="ProcessEmail"/>) to the addresses its step gave; the
/// <c>X-Approval-Notification</c> header names the row, so a message resent after a crash can be told a duplicate.
/// </summary>
public sealed class EmailChannel(SmtpEmailSender sender, IOptions<SmtpOptions> options) : INotificationChannel
{
    public string Name => "e-mail";
    public Expression<Func<NotificationRecord, DateTimeOffset?>> DueAt { get; } = n => n.EmailDueAt;
    public Expression<Func<NotificationRecord, int>> Attempts { get; } = n => n.EmailAttempts;
    public Expression<Func<NotificationRecord, DateTimeOffset?>> SentAt { get; } = n => n.EmailSentAt;
    public bool IsOn => options.Value.IsEnabled;
    public int MaxAttempts => options.Value.MaxAttempts;
    public TimeSpan Lease => TimeSpan.FromMinutes(1) + options.Value.Timeout * 2;

    public async Task<IReadOnlyDictionary<long, string>> AddressesAsync(ApprovalDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Notifications.Where(n => ids.Contains(n.Id))
            .Join(db.Users.Where(u => u.Email != null && u.Email != ""), n => n.Recipient, u => u.UserName, (n, u) => new { n.Id, u.Email })
            .ToListAsync(cancellationToken);
        var addresses = rows.ToDictionary(r => r.Id, r => r.Email!);
        // A process's e-mail goes where its step addressed it (the sender reads the envelope); the address is for the logs.
        var processEmails = await db.Notifications.Where(n => ids.Contains(n.Id) && n.EmailEnvelope != null)
            .Select(n => new { n.Id, n.EmailEnvelope }).ToListAsync(cancellationToken);
        foreach (var row in processEmails)
            addresses[row.Id] = ProcessEmail.Envelope.FromJson(row.EmailEnvelope!).Recipients;
        return addresses;
    }

    public Task SendAsync(NotificationRecord row, string address, CancellationToken cancellationToken) => sender.SendAsync(row, address, cancellationToken);

    public bool IsRetryable(Exception failure) => failure is SmtpException or FormatException or InvalidOperationException or IOException;
}

/// <summary>The e-mail outbox (<see cref="NotificationOutbox"/> over <see cref="EmailChannel"/>), run by Hangfire.</summary>
public sealed class EmailOutbox(IDbContextFactory<ApprovalDbContext> contexts, EmailChannel channel, TimeProvider time, ILogger<EmailOutbox> logger)
    : NotificationOutbox(contexts, channel, time, logger)
{
    public const string JobId = "notification-email";

    /// <summary>The periodic delivery (every minute): what a lost wake-up, a retry or a restart left due.</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<EmailOutbox>(JobId, outbox => outbox.DeliverAsync(CancellationToken.None), Cron.Minutely());
}

/// <summary>Wakes the outboxes (e-mail, SMS) through Hangfire once a change with notifications commits; the periodic deliveries cover a lost wake-up.</summary>
internal sealed class HangfireNotificationOutbox(IBackgroundJobClient jobs) : INotificationOutbox
{
    public void Wake()
    {
        jobs.Enqueue<EmailOutbox>(outbox => outbox.DeliverAsync(CancellationToken.None));
        jobs.Enqueue<Sms.SmsOutbox>(outbox => outbox.DeliverAsync(CancellationToken.None));
    }
}
