namespace Approval.Workflows.Calendar;

/// <summary>
/// Which dates are working days (Art. 82): Monday to Friday, minus statutory holidays, plus make-up working
/// days, for the years it has a schedule for. A date in any other year is an error, never a guess.
/// Immutable: editing a year gives a new calendar.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, SpecialDay> _special = [];
    private readonly SortedDictionary<int, HolidaySchedule> _years = [];

    public WorkingDayCalendar(IEnumerable<HolidaySchedule> schedules)
    {
        foreach (var schedule in schedules)
            _years[schedule.Year] = schedule;
        // Later years win: a year's file can list late-December dates of the year before.
        foreach (var schedule in _years.Values)
        {
            foreach (var day in schedule.Days)
                _special[day.Date] = day;
        }
    }

    /// <summary>The calendar of the shipped official schedules.</summary>
    public static WorkingDayCalendar Official { get; } = new(OfficialHolidays.Schedules);

    /// <summary>The years the calendar has a schedule for.</summary>
    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>The schedule of a year, if the calendar has one.</summary>
    public HolidaySchedule? ScheduleOf(int year) => _years.GetValueOrDefault(year);

    /// <summary>A calendar with this year's schedule added or replaced.</summary>
    public WorkingDayCalendar With(HolidaySchedule schedule)
    {
        var years = new SortedDictionary<int, HolidaySchedule>(_years) { [schedule.Year] = schedule };
        return new WorkingDayCalendar(years.Values);
    }

    /// <exception cref="CalendarYearMissingException">The date's year has no schedule.</exception>
    public CalendarDay Day(DateOnly date)
    {
        if (!_years.ContainsKey(date.Year))
            throw new CalendarYearMissingException(date.Year);
        if (_special.TryGetValue(date, out var special))
            return new CalendarDay(date, special.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkingDay, special.Name);
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new CalendarDay(date, DayKind.Weekend, null)
            : new CalendarDay(date, DayKind.WorkingDay, null);
    }

    public bool IsWorkingDay(DateOnly date) => Day(date).IsWorkingDay;

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (which itself never counts).
    /// With 0 days: <paramref name="from"/> if it is a working day, else the next one.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            var date = from;
            while (!IsWorkingDay(date))
                date = date.AddDays(1);
            return date;
        }
        var current = from;
        for (var counted = 0; counted < days;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
                counted++;
        }
        return current;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
                count++;
        }
        return count;
    }
}
