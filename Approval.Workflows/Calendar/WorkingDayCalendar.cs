namespace Approval.Workflows.Calendar;

/// <summary>
/// Which dates are working days (Art. 82): Monday to Friday, minus statutory holidays, plus make-up working
/// days, for the years it has a schedule for. A year the State Council has not published yet is, up to
/// <see cref="ProvisionalYearsAhead"/> years past the last schedule, a provisional year computed from the statute
/// (<see cref="StatutoryHolidays.Provisional"/>: the holidays are right, the 调休 swaps unknown). A date in any other
/// year is an error, never a guess. Immutable: editing a year gives a new calendar.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>How far past its last published year the product's calendar answers provisionally.</summary>
    public const int DefaultProvisionalYears = 10;

    private readonly Dictionary<DateOnly, SpecialDay> _special = [];
    private readonly SortedDictionary<int, HolidaySchedule> _years = [];
    private readonly SortedDictionary<int, HolidaySchedule> _provisional = [];

    /// <param name="schedules">The published (or administrators') schedules.</param>
    /// <param name="provisionalYearsAhead">Years past the last schedule answered from the statute; 0 for none.</param>
    public WorkingDayCalendar(IEnumerable<HolidaySchedule> schedules, int provisionalYearsAhead = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(provisionalYearsAhead);
        ProvisionalYearsAhead = provisionalYearsAhead;
        foreach (var schedule in schedules)
            _years[schedule.Year] = schedule;
        if (provisionalYearsAhead > 0 && _years.Count > 0)
        {
            // Gaps between schedules are provisional too: an administrator may enter a year ahead of the one before it.
            var last = Math.Min(_years.Keys.Max() + provisionalYearsAhead, StatutoryHolidays.LastYear);
            for (var year = Math.Max(_years.Keys.Min(), StatutoryHolidays.CurrentStatuteFrom); year <= last; year++)
            {
                if (!_years.ContainsKey(year))
                    _provisional[year] = StatutoryHolidays.Provisional(year);
            }
        }
        // Later years win: a year's file can list late-December dates of the year before. A published year wins over
        // a provisional one.
        foreach (var schedule in _provisional.Values.Concat(_years.Values))
        {
            foreach (var day in schedule.Days)
                _special[day.Date] = day;
        }
    }

    /// <summary>The calendar of the shipped official schedules, with the years after them provisional.</summary>
    public static WorkingDayCalendar Official { get; } = new(OfficialHolidays.Schedules, DefaultProvisionalYears);

    /// <summary>Years past the last schedule answered from the statute.</summary>
    public int ProvisionalYearsAhead { get; }

    /// <summary>The years the calendar answers for: those with a schedule and the provisional ones.</summary>
    public IReadOnlyCollection<int> Years => [.. _years.Keys.Concat(_provisional.Keys).Order()];

    /// <summary>The published (or administrators') schedules, without the provisional years.</summary>
    public IReadOnlyCollection<HolidaySchedule> Schedules => _years.Values;

    /// <summary>The years computed from the statute, without the State Council's notice.</summary>
    public IReadOnlyCollection<int> ProvisionalYears => _provisional.Keys;

    public bool Covers(int year) => _years.ContainsKey(year) || _provisional.ContainsKey(year);

    /// <summary>Whether the year is answered from the statute alone (no 调休 known).</summary>
    public bool IsProvisional(int year) => _provisional.ContainsKey(year);

    /// <summary>Whether a date from <paramref name="from"/> to <paramref name="to"/> lies in a provisional year.</summary>
    public bool AnyProvisional(DateOnly from, DateOnly to) =>
        _provisional.Keys.Any(year => year >= from.Year && year <= to.Year);

    /// <summary>The schedule of a year, published or provisional, if the calendar has one.</summary>
    public HolidaySchedule? ScheduleOf(int year) => _years.GetValueOrDefault(year) ?? _provisional.GetValueOrDefault(year);

    /// <summary>A calendar with this year's schedule added or replaced.</summary>
    public WorkingDayCalendar With(HolidaySchedule schedule)
    {
        var years = new SortedDictionary<int, HolidaySchedule>(_years) { [schedule.Year] = schedule };
        return new WorkingDayCalendar(years.Values, ProvisionalYearsAhead);
    }

    /// <exception cref="CalendarYearMissingException">The date's year has no schedule and is not provisional.</exception>
    public CalendarDay Day(DateOnly date)
    {
        if (!Covers(date.Year))
            throw new CalendarYearMissingException(date.Year);
        var provisional = _provisional.ContainsKey(date.Year);
        if (_special.TryGetValue(date, out var special))
            return new CalendarDay(date, special.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkingDay, special.Name, provisional);
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new CalendarDay(date, DayKind.Weekend, null, provisional)
            : new CalendarDay(date, DayKind.WorkingDay, null, provisional);
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
