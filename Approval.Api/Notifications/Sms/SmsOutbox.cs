using System.Linq.Expressions;
using Approval.Api.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications.Sms;

/// <summary>
/// SMS (<c>Approval:Sms</c>) through the <see cref="ISmsSender"/>: a row goes to the number written on it with the change
/// (the applicant's chosen number, or a walk-in applicant's number on the application). The message carries the row's id for
/// the gateway, and the file sink overwrites its own file, so a resend after a crash is not a second message there.
/// </summary>
public sealed class SmsChannel(ISmsSender sender, IOptions<SmsOptions> options) : INotificationChannel
{
    public string Name => "SMS";
    public Expression<Func<NotificationRecord, DateTimeOffset?>> DueAt { get; } = n => n.SmsDueAt;
    public Expression<Func<NotificationRecord, int>> Attempts { get; } = n => n.SmsAttempts;
    public Expression<Func<NotificationRecord, DateTimeOffset?>> SentAt { get; } = n => n.SmsSentAt;
    public bool IsOn => options.Value.Sender != SmsSenderKind.Off;
    public int MaxAttempts => options.Value.MaxAttempts;
    public TimeSpan Lease => TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyDictionary<long, string>> AddressesAsync(ApprovalDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Notifications.Where(n => ids.Contains(n.Id) && n.SmsPhone != null).Select(n => new { n.Id, n.SmsPhone }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.SmsPhone!);
    }

    public Task SendAsync(NotificationRecord row, string address, CancellationToken cancellationToken) =>
        sender.SendAsync(new SmsMessage(row.Id, address, row.SmsText ?? row.Title, row.CaseNumber, row.Kind), cancellationToken);

    public bool IsRetryable(Exception failure) =>
        failure is HttpRequestException or SmsGatewayException or TaskCanceledException or IOException or UnauthorizedAccessException;
}

/// <summary>The SMS outbox (<see cref="NotificationOutbox"/> over <see cref="SmsChannel"/>), run by Hangfire.</summary>
public sealed class SmsOutbox(IDbContextFactory<ApprovalDbContext> contexts, SmsChannel channel, TimeProvider time, ILogger<SmsOutbox> logger)
    : NotificationOutbox(contexts, channel, time, logger)
{
    public const string JobId = "notification-sms";

    /// <summary>The periodic delivery (every minute): what a lost wake-up, a retry or a restart left due.</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SmsOutbox>(JobId, outbox => outbox.DeliverAsync(CancellationToken.None), Cron.Minutely());
}
