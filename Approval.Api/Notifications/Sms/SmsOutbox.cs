using Approval.Api.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications.Sms;

/// <summary>
/// The SMS outbox, as the e-mail one: the inbox rows committed with the changes they tell of whose <c>SmsDueAt</c> has come are
/// sent through the <see cref="ISmsSender"/> and marked sent. Each row is first claimed by a conditional update that moves its
/// due instant a lease ahead, so two deliveries at once never both send it; a failure is retried 1, 2, 4 … minutes later (at
/// most an hour) up to <see cref="SmsOptions.MaxAttempts"/>. With SMS <c>Off</c> the rows are marked done. Re-runnable: a second
/// run finds nothing due. A crash between sending and marking resends that one message after the lease; the message carries
/// the row's id for the gateway (and the file sink overwrites its own file).
/// </summary>
public sealed class SmsOutbox(IDbContextFactory<ApprovalDbContext> contexts, ISmsSender sender, IOptions<SmsOptions> options, TimeProvider time,
    ILogger<SmsOutbox> logger)
{
    public const string JobId = "notification-sms";
    private const int Batch = 200;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The periodic delivery (every minute): what a lost wake-up, a retry or a restart left due.</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SmsOutbox>(JobId, outbox => outbox.DeliverAsync(CancellationToken.None), Cron.Minutely());

    /// <summary>Sends what is due; returns how many messages went out.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (await DueAsync(cancellationToken) is { Count: > 0 } due)
        {
            if (options.Value.Sender == SmsSenderKind.Off)
            {
                await DoneAsync(due, cancellationToken);
                continue;
            }
            foreach (var id in due)
            {
                if (await TrySendAsync(id, cancellationToken))
                    sent++;
            }
        }
        return sent;
    }

    private async Task<List<long>> DueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.Where(n => n.SmsDueAt != null && n.SmsDueAt <= now).OrderBy(n => n.SmsDueAt).ThenBy(n => n.Id)
            .Take(Batch).Select(n => n.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leaseEnd = now + Lease;
        var claimed = await db.Notifications.Where(n => n.Id == id && n.SmsDueAt != null && n.SmsDueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SmsDueAt, leaseEnd).SetProperty(n => n.SmsAttempts, n => n.SmsAttempts + 1), cancellationToken);
        if (claimed == 0)
            return false; // another delivery took it, or it is done
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(new SmsMessage(row.Id, row.SmsPhone!, row.SmsText ?? row.Title, row.CaseNumber, row.Kind), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or SmsGatewayException or TaskCanceledException or IOException or UnauthorizedAccessException)
        {
            var retry = row.SmsAttempts < options.Value.MaxAttempts;
            DateTimeOffset? next = retry ? now + Backoff(row.SmsAttempts) : null;
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SmsDueAt, next), cancellationToken);
            if (retry)
                logger.LogWarning(e, "Could not send SMS {Id} to {Phone} (attempt {Attempt}); retrying at {Next:O}.", id, row.SmsPhone, row.SmsAttempts, next);
            else
                logger.LogError(e, "Gave up sending SMS {Id} to {Phone} after {Attempts} attempts; the inbox still holds it.", id, row.SmsPhone, row.SmsAttempts);
            return false;
        }
        DateTimeOffset? done = null;
        await db.Notifications.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SmsDueAt, done).SetProperty(n => n.SmsSentAt, now), cancellationToken);
        return true;
    }

    private async Task DoneAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? done = null;
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.SmsDueAt, done), cancellationToken);
    }

    // 1, 2, 4 … minutes after each failure, at most an hour.
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
