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

/// <summary>
/// Wakes the outboxes (e-mail, SMS) through Hangfire once a change with notifications commits: one wake-up job waiting on this
/// node at a time, not one job per change (a thousand submissions a second would otherwise enqueue two thousand jobs, each
/// of which reads the same due rows). The database stays the source of truth: the job reads what is due when it starts, so a
/// change committed before that is delivered by it, and one committed after wakes the next. A wake-up still waiting after
/// <see cref="Stale"/> is taken for lost (run by another node from the shared queue, or gone with a restart) and another is
/// enqueued; the periodic deliveries (every minute) cover what a lost one leaves, late but not lost.
/// </summary>
internal sealed class HangfireNotificationOutbox(IBackgroundJobClient jobs, TimeProvider time) : INotificationOutbox
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(15);
    private const long NonePending = long.MinValue;

    // When the waiting wake-up was enqueued (UTC ticks), or NonePending.
    private long _pendingSince = NonePending;

    public void Wake()
    {
        var now = time.GetUtcNow().UtcTicks;
        var pending = Interlocked.Read(ref _pendingSince);
        if (pending != NonePending && now - pending < Stale.Ticks)
            return;
        if (Interlocked.CompareExchange(ref _pendingSince, now, pending) != pending)
            return; // another commit enqueued it just now
        try
        {
            jobs.Enqueue<NotificationWakeUp>(wakeUp => wakeUp.DeliverAsync(CancellationToken.None));
        }
        catch
        {
            Interlocked.Exchange(ref _pendingSince, NonePending);
            throw;
        }
    }

    /// <summary>The wake-up has started: what commits from now on is not sure to be read by it, so the next commit enqueues another.</summary>
    internal void Started() => Interlocked.Exchange(ref _pendingSince, NonePending);
}

/// <summary>The wake-up job of <see cref="HangfireNotificationOutbox"/>: delivers what is due by e-mail, then by SMS.</summary>
public sealed class NotificationWakeUp(INotificationOutbox wakeUps, EmailOutbox email, Sms.SmsOutbox sms)
{
    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        // Before the outboxes read the due rows, so that a change committed after that read is not left waiting for a wake-up
        // that has already looked.
        (wakeUps as HangfireNotificationOutbox)?.Started();
        try
        {
            await email.DeliverAsync(cancellationToken);
        }
        finally
        {
            await sms.DeliverAsync(cancellationToken);
        }
    }
}
