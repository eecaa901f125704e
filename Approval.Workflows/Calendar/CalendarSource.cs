namespace Approval.Workflows.Calendar;

/// <summary>Where a year's schedule comes from.</summary>
public enum ScheduleOrigin
{
    /// <summary>The State Council's schedule shipped with the product (Calendar/Holidays).</summary>
    Official,
    /// <summary>An administrator's schedule, kept in the database, in place of the shipped one or in a year it lacks.</summary>
    Administrator,
    /// <summary>
    /// No schedule yet: the year is computed from the statute (<see cref="StatutoryHolidays.Provisional"/>): its holidays
    /// are right, its bridges and 调休 working days unknown until the State Council publishes them.
    /// </summary>
    Provisional,
}

/// <summary>A year's schedule in force, where it comes from, and for an administrator's, who saved it when.</summary>
public sealed record YearSchedule(HolidaySchedule Schedule, ScheduleOrigin Origin, DateTimeOffset? UpdatedAt = null, string? UpdatedBy = null);

/// <summary>
/// The working-day calendar in force: the shipped official schedules, each year replaced by an administrator's
/// schedule where one is saved. An edit replaces the whole calendar at once, so a computation that reads
/// <see cref="Current"/> once counts every day on one version of it.
/// </summary>
public sealed class CalendarSource(WorkingDayCalendar official)
{
    private readonly Lock _writing = new();
    private volatile State _state = new(official, new Dictionary<int, EditedSchedule>(), []);

    /// <summary>A source of the shipped official schedules, before any administrator's edit is loaded.</summary>
    public CalendarSource()
        : this(WorkingDayCalendar.Official)
    {
    }

    /// <summary>The calendar in force now.</summary>
    public WorkingDayCalendar Current => _state.Calendar;

    /// <summary>A year's schedule in force and its origin; null when the calendar has no schedule for the year.</summary>
    public YearSchedule? YearOf(int year)
    {
        var state = _state;
        if (state.Edits.TryGetValue(year, out var edit))
            return new YearSchedule(edit.Schedule, ScheduleOrigin.Administrator, edit.UpdatedAt, edit.UpdatedBy);
        if (state.Calendar.ScheduleOf(year) is not { } schedule)
            return null;
        return new YearSchedule(schedule, state.Calendar.IsProvisional(year) ? ScheduleOrigin.Provisional : ScheduleOrigin.Official);
    }

    /// <summary>Every year the calendar answers for, with its origin.</summary>
    public IReadOnlyList<YearSchedule> Years() => [.. _state.Calendar.Years.Select(y => YearOf(y)!)];

    /// <summary>The shipped files and stored administrators' years refused as not whole years, with the reason.</summary>
    public IReadOnlyList<RefusedYear> Refused => [.. OfficialHolidays.Refused.Where(r => !Current.Covers(r.Year) || Current.IsProvisional(r.Year)), .. _state.RefusedEdits];

    /// <summary>
    /// Puts the stored administrators' schedules in force, in place of whatever was loaded before. A stored year that is
    /// not a whole year (saved before the check existed) is refused and listed in <see cref="Refused"/>.
    /// </summary>
    public void Load(IEnumerable<EditedSchedule> edits)
    {
        var whole = new Dictionary<int, EditedSchedule>();
        var refused = new List<RefusedYear>();
        foreach (var edit in edits)
        {
            if (HolidayScheduleInput.Incompleteness(edit.Schedule) is { } reason)
                refused.Add(new RefusedYear(edit.Schedule.Year, $"saved by {edit.UpdatedBy}: {reason}"));
            else
                whole[edit.Schedule.Year] = edit;
        }
        lock (_writing)
            _state = Build(whole, refused);
    }

    /// <summary>Puts one year's administrator's schedule in force.</summary>
    public void Apply(EditedSchedule edit)
    {
        lock (_writing)
            _state = Build(new Dictionary<int, EditedSchedule>(_state.Edits) { [edit.Schedule.Year] = edit },
                [.. _state.RefusedEdits.Where(r => r.Year != edit.Schedule.Year)]);
    }

    private State Build(Dictionary<int, EditedSchedule> edits, IReadOnlyList<RefusedYear> refused)
    {
        var years = official.Schedules.ToDictionary(s => s.Year);
        foreach (var (year, edit) in edits)
            years[year] = edit.Schedule;
        return new State(new WorkingDayCalendar(years.Values, official.ProvisionalYearsAhead), edits, refused);
    }

    private sealed record State(WorkingDayCalendar Calendar, IReadOnlyDictionary<int, EditedSchedule> Edits, IReadOnlyList<RefusedYear> RefusedEdits);
}
