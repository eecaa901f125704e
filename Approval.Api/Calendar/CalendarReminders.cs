using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Notifications;
using Approval.Workflows.People;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Calendar;

/// <summary>
/// From 1 November, while next year's schedule is missing or provisional, every administrator's inbox gets a reminder
/// once a week (and its e-mail copy through the outbox). A recurring job runs it daily; a second run in the same week
/// finds the week's reminder in the inbox and adds none, so it is idempotent across runs and nodes.
/// </summary>
public sealed class CalendarReminders(IDbContextFactory<ApprovalDbContext> contexts, CalendarSource calendars, BusinessHours hours, TimeProvider time,
    INotificationOutbox outbox)
{
    public const string JobId = "calendar-reminders";

    /// <summary>Registers the daily run, at 09:00 Beijing (01:00 UTC).</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CalendarReminders>(JobId, r => r.RemindAsync(CancellationToken.None), Cron.Daily(1));

    /// <summary>Reminds the administrators not yet reminded this week; returns how many were.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = hours.DateOf(now);
        if (CalendarReadiness.PendingAt(calendars, today) is not { } pending)
            return 0;
        var weekStart = hours.StartOf(CalendarReadiness.WeekOf(today));
        var kind = NotificationKind.CalendarYearPending.ToString();
        var administrator = Role.Administrator.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var administrators = await db.Users.Where(u => u.Role == administrator).Select(u => u.UserName).ToListAsync(cancellationToken);
        var reminded = await db.Notifications.Where(n => n.Kind == kind && n.CreatedAt >= weekStart).Select(n => n.Recipient).ToListAsync(cancellationToken);
        var due = administrators.Except(reminded).Order(StringComparer.Ordinal).ToList();
        if (due.Count == 0)
            return 0;
        db.AddNotifications(due.Select(a => CalendarReadiness.ReminderTo(a, pending, now)), now);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return due.Count;
    }
}
