namespace Approval.Workflows.Calendar;

/// <summary>A span during which a clock was stopped (Art. 45: hearing, inspection, expert review…); open while <see cref="Until"/> is null.</summary>
public sealed record ClockSuspension(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Covers(DateTimeOffset instant) => From <= instant && (Until is null || instant < Until);
}

/// <summary>
/// Turns limits in working days into due instants: a limit of N working days from a start instant ends at the
/// close of business of the N-th working day after the start's date. A working day does not count when the
/// clock was suspended at its close of business. Counts on the calendar in force (<see cref="CalendarSource"/>),
/// so an administrator's edit applies to every due instant computed after it.
/// </summary>
public sealed class DueInstantCalculator(CalendarSource calendars, BusinessHours hours)
{
    /// <summary>A calculator on a calendar that never changes.</summary>
    public DueInstantCalculator(WorkingDayCalendar calendar, BusinessHours hours)
        : this(new CalendarSource(calendar), hours)
    {
    }

    /// <summary>The calendar in force now.</summary>
    public WorkingDayCalendar Calendar => calendars.Current;
    public BusinessHours Hours => hours;

    /// <summary>
    /// The due instant; null while an open suspension has stopped the clock. A limit of 0 days (即办件) ends the day it
    /// starts: at that day's close of business, or the next working day's when it starts after hours or on a day off.
    /// </summary>
    public DateTimeOffset? DueAt(DateTimeOffset start, int workingDays, IReadOnlyList<ClockSuspension>? suspensions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        suspensions ??= [];
        if (suspensions.Any(s => s.Until is null))
            return null;
        var calendar = calendars.Current;
        var date = hours.DateOf(start);
        if (workingDays == 0)
        {
            while (hours.CloseOf(date) < start || !Counts(calendar, date, suspensions))
                date = date.AddDays(1);
            return hours.CloseOf(date);
        }
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (Counts(calendar, date, suspensions))
                counted++;
        }
        return hours.CloseOf(date);
    }

    /// <summary>Working days used from <paramref name="start"/> to <paramref name="now"/>, suspended days excluded;
    /// today counts once its business has closed.</summary>
    public int WorkingDaysUsed(DateTimeOffset start, DateTimeOffset now, IReadOnlyList<ClockSuspension>? suspensions = null)
    {
        suspensions ??= [];
        var calendar = calendars.Current;
        var used = 0;
        var last = hours.DateOf(now);
        if (now < hours.CloseOf(last))
            last = last.AddDays(-1);
        for (var date = hours.DateOf(start).AddDays(1); date <= last; date = date.AddDays(1))
        {
            if (Counts(calendar, date, suspensions))
                used++;
        }
        return used;
    }

    private bool Counts(WorkingDayCalendar calendar, DateOnly date, IReadOnlyList<ClockSuspension> suspensions)
    {
        if (!calendar.IsWorkingDay(date))
            return false;
        var close = hours.CloseOf(date);
        foreach (var suspension in suspensions)
        {
            if (suspension.Covers(close))
                return false;
        }
        return true;
    }
}
