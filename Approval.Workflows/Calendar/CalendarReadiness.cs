using Approval.Workflows.Notifications;

namespace Approval.Workflows.Calendar;

/// <summary>Next year, still without the State Council's schedule: missing (<see cref="Origin"/> null) or provisional.</summary>
public sealed record PendingYear(int Year, ScheduleOrigin? Origin)
{
    /// <summary>Why the calendar is not ready, in Chinese with the English in parentheses.</summary>
    public string Reason => Origin is null
        ? $"{Year} 年节假日安排尚未录入，该年的期限无法计算；请管理员在国务院办公厅通知公布后通过 PUT /api/calendar/years/{Year} 录入"
          + $"（The {Year} holiday schedule is missing: no deadline in {Year} can be counted. An administrator enters it with PUT /api/calendar/years/{Year} once the State Council publishes it.）"
        : $"{Year} 年节假日安排尚未录入，期限暂按法定节假日计算（调休未计）；请管理员在国务院办公厅通知公布后通过 PUT /api/calendar/years/{Year} 录入"
          + $"（The {Year} holiday schedule is not in yet: deadlines in {Year} are counted on the statutory holidays alone, without 调休. An administrator enters it with PUT /api/calendar/years/{Year} once the State Council publishes it.）";
}

/// <summary>
/// Whether the calendar is ready for next year. The State Council publishes next year's schedule in November or
/// December; from 1 November, while next year is missing or only provisional, the administrators are told (a weekly
/// reminder, <c>/health</c> Degraded, the start-up log), so that they enter it as soon as it is out.
/// </summary>
public static class CalendarReadiness
{
    /// <summary>The month from which next year's schedule is awaited.</summary>
    public const int AwaitedFromMonth = 11;

    /// <summary>Next year, when <paramref name="today"/> is on or after 1 November and next year has no published schedule; else null.</summary>
    public static PendingYear? PendingAt(CalendarSource calendars, DateOnly today)
    {
        if (today.Month < AwaitedFromMonth)
            return null;
        var next = today.Year + 1;
        var year = calendars.YearOf(next);
        return year is { Origin: ScheduleOrigin.Official or ScheduleOrigin.Administrator } ? null : new PendingYear(next, year?.Origin);
    }

    /// <summary>The week's reminder to an administrator.</summary>
    public static Notification ReminderTo(string administrator, PendingYear pending, DateTimeOffset now) =>
        new(administrator, NotificationKind.CalendarYearPending, null, null,
            $"请录入 {pending.Year} 年节假日安排（Enter the {pending.Year} holiday schedule）", pending.Reason, now);

    /// <summary>The Monday that starts the week of <paramref name="today"/>: one reminder a week, counted from it.</summary>
    public static DateOnly WeekOf(DateOnly today) => today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
}
