namespace Approval.Workflows.Calendar;

/// <summary>Where a year's schedule comes from.</summary>
public enum ScheduleOrigin
{
    /// <summary>The State Council's schedule shipped with the product (Calendar/Holidays).</summary>
    Official,
    /// <summary>An administrator's schedule, kept in the database, in place of the shipped one or in a year it lacks.</summary>
    Administrator,
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
    private volatile State _state = new(official, new Dictionary<int, EditedSchedule>());

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
        return state.Calendar.ScheduleOf(year) is { } schedule ? new YearSchedule(schedule, ScheduleOrigin.Official) : null;
    }

    /// <summary>Puts the stored administrators' schedules in force, in place of whatever was loaded before.</summary>
    public void Load(IEnumerable<EditedSchedule> edits)
    {
        lock (_writing)
            _state = Build(edits.ToDictionary(e => e.Schedule.Year));
    }

    /// <summary>Puts one year's administrator's schedule in force.</summary>
    public void Apply(EditedSchedule edit)
    {
        lock (_writing)
            _state = Build(new Dictionary<int, EditedSchedule>(_state.Edits) { [edit.Schedule.Year] = edit });
    }

    private State Build(Dictionary<int, EditedSchedule> edits)
    {
        var years = official.Years.ToDictionary(y => y, y => official.ScheduleOf(y)!);
        foreach (var (year, edit) in edits)
            years[year] = edit.Schedule;
        return new State(new WorkingDayCalendar(years.Values), edits);
    }

    private sealed record State(WorkingDayCalendar Calendar, IReadOnlyDictionary<int, EditedSchedule> Edits);
}
