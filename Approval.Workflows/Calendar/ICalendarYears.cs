namespace Approval.Workflows.Calendar;

/// <summary>An administrator's schedule of a year, as saved.</summary>
public sealed record EditedSchedule(HolidaySchedule Schedule, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The store of administrators' schedules (domain.md §4: the calendar is data, kept per year).</summary>
public interface ICalendarYears
{
    /// <summary>Every year an administrator has saved.</summary>
    Task<IReadOnlyList<EditedSchedule>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a year's schedule, in place of an earlier one of the same year.</summary>
    Task SaveAsync(EditedSchedule edit, CancellationToken cancellationToken = default);
}
