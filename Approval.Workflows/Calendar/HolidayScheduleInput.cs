using System.Globalization;
using Approval.Workflows.Catalog;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Calendar;

/// <summary>A day of a schedule as an administrator enters it: <c>{ date: "YYYY-MM-DD", name, isOffDay }</c>.</summary>
public sealed record SpecialDayInput(string? Date, string? Name, bool? IsOffDay);

/// <summary>
/// The checks on a year's schedule an administrator enters, each problem named by its field, all at once. Dates lie
/// in the year, or — as the State Council's notices do — in the last month of the year before or the first of the next.
/// </summary>
public static class HolidayScheduleInput
{
    public const int FirstYear = 1950;
    public const int LastYear = 2999;
    public const int MaxDays = 200;
    public const int MaxNameLength = 60;

    /// <summary>The dates a schedule of <paramref name="year"/> may list.</summary>
    public static (DateOnly First, DateOnly Last) DatesOf(int year) => (new DateOnly(year - 1, 12, 1), new DateOnly(year + 1, 1, 31));

    /// <summary>The schedule of <paramref name="year"/> from the days entered, ordered by date; null when there are <paramref name="problems"/>.</summary>
    public static HolidaySchedule? Read(int year, IReadOnlyList<SpecialDayInput?>? days, out IReadOnlyList<FieldError> problems)
    {
        var errors = new List<FieldError>();
        problems = errors;
        if (year is < FirstYear or > LastYear)
        {
            errors.Add(new FieldError("year", $"must be from {FirstYear} to {LastYear}"));
            return null;
        }
        if (days is null || days.Count == 0)
            errors.Add(new FieldError("days", "list the year's holidays and make-up working days (a year has at least one)"));
        else if (days.Count > MaxDays)
            errors.Add(new FieldError("days", $"at most {MaxDays} days"));
        if (errors.Count > 0)
            return null;

        var (first, last) = DatesOf(year);
        var seen = new Dictionary<DateOnly, int>();
        var read = new List<SpecialDay>();
        for (var i = 0; i < days!.Count; i++)
        {
            var field = $"days[{i}]";
            if (days[i] is not { } day)
            {
                errors.Add(new FieldError(field, Refusal.Of(RefusalCode.Required, $"is required")));
                continue;
            }
            DateOnly? date = null;
            if (!DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                errors.Add(new FieldError($"{field}.date", $"'{day.Date}' is not a date of the form YYYY-MM-DD"));
            else if (parsed < first || parsed > last)
                errors.Add(new FieldError($"{field}.date", $"{parsed:yyyy-MM-dd} is outside the dates a {year} schedule lists ({first:yyyy-MM-dd} to {last:yyyy-MM-dd})"));
            else if (seen.TryGetValue(parsed, out var earlier))
                errors.Add(new FieldError($"{field}.date", $"{parsed:yyyy-MM-dd} is listed twice (also days[{earlier}])"));
            else
                date = parsed;
            if (date is { } d)
                seen[d] = i;
            var name = day.Name?.Trim();
            if (string.IsNullOrEmpty(name))
                errors.Add(new FieldError($"{field}.name", "is required (e.g. 春节)"));
            else if (name.Length > MaxNameLength)
                errors.Add(new FieldError($"{field}.name", Refusal.Of(RefusalCode.TextTooLong, $"at most {MaxNameLength} characters")));
            if (day.IsOffDay is null)
                errors.Add(new FieldError($"{field}.isOffDay", "is required: true for a day off, false for a make-up working day (调休上班)"));
            if (date is not null && !string.IsNullOrEmpty(name) && day.IsOffDay is { } off)
                read.Add(new SpecialDay(date.Value, name, off));
        }
        if (errors.Count > 0)
            return null;
        var schedule = new HolidaySchedule(year, [.. read.OrderBy(d => d.Date)]);
        if (Incompleteness(schedule) is { } incomplete)
        {
            errors.Add(new FieldError("days", incomplete));
            return null;
        }
        return schedule;
    }

    /// <summary>
    /// Why a schedule is not a whole year, or null when it is: a year lists its statutory holidays as days off
    /// (<see cref="StatutoryHolidays"/>), so an empty list is a placeholder, and a list without one of them a mistake.
    /// </summary>
    public static string? Incompleteness(HolidaySchedule schedule)
    {
        if (schedule.Days.Count == 0)
            return $"the {schedule.Year} schedule lists no day: not a year of data (a placeholder before the State Council's notice?)";
        return StatutoryHolidays.DescribeMissing(schedule) is { } missing
            ? $"the {schedule.Year} schedule lacks statutory holidays as days off: {missing}"
            : null;
    }
}
