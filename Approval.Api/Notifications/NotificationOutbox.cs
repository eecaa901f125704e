using System.Linq.Expressions;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications;

/// <summary>
/// A channel an inbox row is also sent by (e-mail, SMS): the row's columns of the channel, whether it is on, how a message
/// goes out and which failures are worth a retry. The <see cref="NotificationOutbox"/> does the rest, the same for each.
/// </summary>
public interface INotificationChannel
{
    /// <summary>For the logs: "e-mail", "SMS".</summary>
    string Name { get; }
    /// <summary>When the row is next due on this channel; null once sent, given up, or never to be sent by it.</summary>
    Expression<Func<NotificationRecord, DateTimeOffset?>> DueAt { get; }
    Expression<Func<NotificationRecord, int>> Attempts { get; }
    Expression<Func<NotificationRecord, DateTimeOffset?>> SentAt { get; }
    /// <summary>Off (no SMTP server, SMS off): rows due are marked done unsent.</summary>
    bool IsOn { get; }
    int MaxAttempts { get; }
    /// <summary>Longer than a send may take: a claimed row is not taken again while its message is on the way.</summary>
    TimeSpan Lease { get; }
    /// <summary>Where each of the rows <paramref name="ids"/> is sent; a row left out (its recipient has no address) is marked done unsent.</summary>
    Task<IReadOnlyDictionary<long, string>> AddressesAsync(ApprovalDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken);
    Task SendAsync(NotificationRecord row, string address, CancellationToken cancellationToken);
    /// <summary>A failure the outbox retries later (and finally gives up on); any other is a bug and propagates.</summary>
    bool IsRetryable(Exception failure);
}

/// <summary>
/// The outbox of one channel: the inbox rows committed with the changes they tell of, whose due instant on the channel has
/// come, are sent and marked sent. Each row is first claimed by a conditional update that moves its due instant a lease ahead,
/// so two deliveries running at once never both send it; a failed send is retried 1, 2, 4 … minutes later (at most an hour)
/// up to the channel's attempts. Re-runnable: a second run finds nothing due. A crash between sending and marking resends
/// that one message after the lease (neither SMTP nor an SMS gateway has exactly-once); the message carries the row's id.
/// </summary>
public abstract class NotificationOutbox(IDbContextFactory<ApprovalDbContext> contexts, INotificationChannel channel, TimeProvider time, ILogger logger)
{
    private const int Batch = 200;
    private readonly Func<NotificationRecord, int> _attempts = channel.Attempts.Compile();

    /// <summary>Sends what is due; returns how many messages went out.</summary>
    public async Task<int> DeliverAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (await DueAsync(cancellationToken) is { Count: > 0 } due)
        {
            if (!channel.IsOn)
            {
                await DoneAsync(due, cancellationToken);
                continue;
            }
            IReadOnlyDictionary<long, string> addresses;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                addresses = await channel.AddressesAsync(db, due, cancellationToken);
            foreach (var id in due)
            {
                if (!addresses.TryGetValue(id, out var address))
                    await DoneAsync([id], cancellationToken);
                else if (await TrySendAsync(id, address, cancellationToken))
                    sent++;
            }
        }
        return sent;
    }

    private async Task<List<long>> DueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.Where(DueBy(now)).OrderBy(channel.DueAt).ThenBy(n => n.Id).Take(Batch).Select(n => n.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> TrySendAsync(long id, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? leaseEnd = now + channel.Lease;
        var claimed = await db.Notifications.Where(n => n.Id == id).Where(DueBy(now))
            .ExecuteUpdateAsync(s => s.SetProperty(channel.DueAt, leaseEnd).SetProperty(channel.Attempts, PlusOne(channel.Attempts)), cancellationToken);
        if (claimed == 0)
            return false; // another delivery took it, or it is done
        var row = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        var attempts = _attempts(row);
        try
        {
            await channel.SendAsync(row, address, cancellationToken);
        }
        catch (Exception e) when (channel.IsRetryable(e))
        {
            var retry = attempts < channel.MaxAttempts;
            DateTimeOffset? next = retry ? now + Backoff(attempts) : null;
            await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(channel.DueAt, next), cancellationToken);
            if (retry)
                logger.LogWarning(e, "Could not send notification {Id} by {Channel} to {Recipient} <{Address}> (attempt {Attempt}); retrying at {Next:O}.",
                    id, channel.Name, row.Recipient, address, attempts, next);
            else
                logger.LogError(e, "Gave up sending notification {Id} by {Channel} to {Recipient} <{Address}> after {Attempts} attempts; the inbox still holds it.",
                    id, channel.Name, row.Recipient, address, attempts);
            return false;
        }
        DateTimeOffset? done = null;
        DateTimeOffset? sentAt = now;
        await db.Notifications.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(channel.DueAt, done).SetProperty(channel.SentAt, sentAt), cancellationToken);
        return true;
    }

    private async Task DoneAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? done = null;
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(channel.DueAt, done), cancellationToken);
    }

    // due != null && due <= now, on the channel's column; now a parameter of the query, as a captured variable would be.
    private Expression<Func<NotificationRecord, bool>> DueBy(DateTimeOffset now)
    {
        var due = channel.DueAt.Body;
        var at = Expression.Convert(Expression.Property(Expression.Constant(new Instant(now)), nameof(Instant.Value)), typeof(DateTimeOffset?));
        var body = Expression.AndAlso(Expression.NotEqual(due, Expression.Constant(null, typeof(DateTimeOffset?))), Expression.LessThanOrEqual(due, at));
        return Expression.Lambda<Func<NotificationRecord, bool>>(body, channel.DueAt.Parameters);
    }

    private static Expression<Func<NotificationRecord, int>> PlusOne(Expression<Func<NotificationRecord, int>> column) =>
        Expression.Lambda<Func<NotificationRecord, int>>(Expression.Add(column.Body, Expression.Constant(1)), column.Parameters);

    // 1, 2, 4 … minutes after each failure, at most an hour.
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private sealed record Instant(DateTimeOffset Value);
}
