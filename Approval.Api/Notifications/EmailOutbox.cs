using System.Net.Mail;
using Approval.Api.Persistence;
using Approval.Workflows.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications;

/// <summary>
/// The e-mail outbox: the inbox rows committed with the changes they tell of, whose <c>EmailDueAt</c> has come, are
/// e-mailed to their recipients and marked sent. Each row is first claimed by a conditional update that moves its due
/// instant a lease ahead, so two deliveries running at once never both send it; a failed send is retried with a growing
/// delay up to <see cref="SmtpOptions.MaxAttempts"/>. Recipients without an address, and rows committed while e-mail is
/// off, are marked done. Re-runnable: a second run finds nothing due. A crash between sending and marking resends that
/// one message after the lease (SMTP has no exactly-once); the <c>X-Approval-Notification</c> header names the row.
/// </summary>
public sealed class EmailOutbox(IDbContextFactory<ApprovalDbContext> contexts, SmtpEmailSender sender, IOptions<SmtpOptions> options, TimeProvider time,
    ILogger<EmailOutbox> logger)
{
    public const string JobId = "notification-email";
    private const int Batch = 200;

    /// <summary>The periodic delivery (every minute): what a lost wake-up, a retry or a restart left due.</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<EmailOutbox>(JobId, outbox => outbox.DeliverAsync(CancellationToken.None), Cron.Minutely());

    /// <summary>Sends what is due; returns how many messages the server accepted.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (await DueAsync(cancellationToken) is { Count: > 0 } due)
        {
            var smtp = options.Value;
            if (!smtp.IsEnabled)
            {
                await DoneAsync(due.Select(d => d.Id).ToList(), cancellationToken);
                continue;
            }
            var addresses = await AddressesAsync([.. due.Select(d => d.Recipient).Distinct()], cancellationToken);
            foreach (var (id, recipient) in due)
            {
                if (!addresses.TryGetValue(recipient, out var address))
                    await DoneAsync([id], cancellationToken);
                else if (await TrySendAsync(id, address, smtp, cancellationToken))
                    sent++;
            }
        }
        return sent;
    }

    private async Task<List<(long Id, string Recipient)>> DueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.Where(n => n.EmailDueAt != null && n.EmailDueAt <= now).OrderBy(n => n.EmailDueAt).ThenBy(n => n.Id)
            .Take(Batch).Select(n => new { n.Id, n.Recipient }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Recipient))];
    }

    private async Task<bool> TrySendAsync(long id, string address, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leaseEnd = now + Lease(smtp);
        var claimed = await db.Notifications.Where(n => n.Id == id && n.EmailDueAt != null && n.EmailDueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailDueAt, leaseEnd).SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1), cancellationToken);
        if (claimed == 0)
            return false; // another delivery took it, or it is done
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(row, address, cancellationToken);
        }
        catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException or IOException)
        {
            var retry = row.EmailAttempts < smtp.MaxAttempts;
            DateTimeOffset? next = retry ? now + Backoff(row.EmailAttempts) : null;
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailDueAt, next), cancellationToken);
            if (retry)
                logger.LogWarning(e, "Could not e-mail notification {Id} to {Recipient} <{Address}> (attempt {Attempt}); retrying at {Next:O}.", id, row.Recipient, address, row.EmailAttempts, next);
            else
                logger.LogError(e, "Gave up e-mailing notification {Id} to {Recipient} <{Address}> after {Attempts} attempts; the inbox still holds it.", id, row.Recipient, address, row.EmailAttempts);
            return false;
        }
        DateTimeOffset? done = null;
        await db.Notifications.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailDueAt, done).SetProperty(n => n.EmailSentAt, now), cancellationToken);
        return true;
    }

    private async Task DoneAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? done = null;
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailDueAt, done), cancellationToken);
    }

    private async Task<Dictionary<string, string>> AddressesAsync(List<string> userNames, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.Where(u => userNames.Contains(u.UserName) && u.Email != null && u.Email != "")
            .Select(u => new { u.UserName, u.Email }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UserName, r => r.Email!, StringComparer.Ordinal);
    }

    // Longer than a send may take: a claimed row is not taken again while its message is on the way.
    private static TimeSpan Lease(SmtpOptions smtp) => TimeSpan.FromMinutes(1) + smtp.Timeout * 2;

    // 1, 2, 4 … minutes after each failure, at most an hour.
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
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
