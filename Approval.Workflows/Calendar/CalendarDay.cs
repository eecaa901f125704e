using Approval.Workflows.Refusals;

namespace Approval.Workflows.Calendar;

/// <summary>What kind of day a date is.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday, no holiday.</summary>
    WorkingDay,
    /// <summary>Saturday or Sunday, no make-up working day.</summary>
    Weekend,
    /// <summary>A statutory holiday (法定节假日), or a day off of its arrangement.</summary>
    Holiday,
    /// <summary>A weekend day worked to make up for a holiday (调休上班).</summary>
    MakeUpWorkingDay,
}

/// <summary>A date as the calendar sees it; <paramref name="Provisional"/> when its year is computed from the statute
/// before the State Council's notice (a working day may yet become a bridge day off, a weekend a 调休 working day).</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string? HolidayName, bool Provisional = false)
{
    /// <summary>Whether periods counted in working days (Administrative Licensing Law Art. 82) count this day.</summary>
    public bool IsWorkingDay => Kind is DayKind.WorkingDay or DayKind.MakeUpWorkingDay;
}

/// <summary>A day the government's schedule declares off (even on a weekday) or worked (even on a weekend).</summary>
public sealed record SpecialDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>The government's schedule for one year (国务院办公厅关于部分节假日安排的通知).</summary>
public sealed record HolidaySchedule(int Year, IReadOnlyList<SpecialDay> Days);

/// <summary>A date outside the years the calendar has a schedule for (or answers provisionally): never guessed as plain Monday–Friday.</summary>
public sealed class CalendarYearMissingException(int year) : Exception(RefusalOf(year).Text), IRefused
{
    public int Year { get; } = year;

    public Refusal Refusal { get; } = RefusalOf(year);

    private static Refusal RefusalOf(int year) => Refusal.Of(RefusalCode.CalendarYearMissing,
        $"The working-day calendar has no holiday schedule for {year}, nor a provisional one from the statute: an administrator must add the year before dates in it can be counted.");
}
