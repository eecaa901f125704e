namespace Approval.Workflows.Calendar;

/// <summary>A span during which a clock was stopped (Art. 45: hearing, inspection, expert review…); open while <see cref="Until"/> is null.</summary>
public sealed record ClockSuspension(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Covers(DateTimeOffset instant) => From <= instant && (Until is null || instant < Until);
}

/// <summary>
/// Turns limits in working days into due instants: a limit of N working days from a start instant ends at the
/// close of business of the N-th working day after the start's date. A working day does not count when the
/// clock was suspended at its close of business.
/// </summary>
public sealed class DueInstantCalculator(WorkingDayCalendar calendar, BusinessHours hours)
{
    public WorkingDayCalendar Calendar => calendar;
    public BusinessHours Hours => hours;

    /// <summary>The due instant; null while an open suspension has stopped the clock.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset start, int workingDays, IReadOnlyList<ClockSuspension>? suspensions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        suspensions ??= [];
        if (suspensions.Any(s => s.Until is null))
            return null;
        var date = hours.DateOf(start);
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (Counts(date, suspensions))
                counted++;
        }
        return hours.CloseOf(date);
    }

    /// <summary>Working days used from <paramref name="start"/> to <paramref name="now"/>, suspended days excluded;
    /// today counts once its business has closed.</summary>
    public int WorkingDaysUsed(DateTimeOffset start, DateTimeOffset now, IReadOnlyList<ClockSuspension>? suspensions = null)
    {
        suspensions ??= [];
        var used = 0;
        var last = hours.DateOf(now);
        if (now < hours.CloseOf(last))
            last = last.AddDays(-1);
        for (var date = hours.DateOf(start).AddDays(1); date <= last; date = date.AddDays(1))
        {
            if (Counts(date, suspensions))
                used++;
        }
        return used;
    }

    private bool Counts(DateOnly date, IReadOnlyList<ClockSuspension> suspensions)
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
