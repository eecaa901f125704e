using Approval.Workflows.Calendar;

namespace Approval.Tests.Workflows.Calendar;

/// <summary>Working days as Art. 82 counts them, from the State Council's published schedule.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Official;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void National_day_holiday_is_not_a_working_day()
    {
        var day = Calendar.Day(D("2026-10-05"));
        Assert.That(day.IsWorkingDay, Is.False);
        Assert.That(day.Kind, Is.EqualTo(DayKind.Holiday));
        Assert.That(day.HolidayName, Is.EqualTo("国庆节"));
    }

    [Test]
    public void A_make_up_working_day_on_a_weekend_counts()
    {
        var day = Calendar.Day(D("2026-10-10")); // a Saturday worked for 国庆节
        Assert.That(day.Kind, Is.EqualTo(DayKind.MakeUpWorkingDay));
        Assert.That(day.IsWorkingDay, Is.True);
    }

    [Test]
    public void An_ordinary_weekend_is_not_a_working_day()
    {
        Assert.That(Calendar.Day(D("2026-11-28")).Kind, Is.EqualTo(DayKind.Weekend));
    }

    [Test]
    public void One_working_day_after_the_eve_of_national_day_is_the_day_after_the_holiday()
    {
        Assert.That(Calendar.AddWorkingDays(D("2026-09-30"), 1), Is.EqualTo(D("2026-10-08")));
    }

    [Test]
    public void Counting_through_national_day_includes_the_make_up_saturday()
    {
        Assert.That(Calendar.AddWorkingDays(D("2026-09-30"), 3), Is.EqualTo(D("2026-10-10")));
    }

    [Test]
    public void Twenty_working_days_skip_weekends_and_holidays()
    {
        // 2026-09-21 (Mon) + 20 working days: Sep 22–24, 28–30 (6), Oct 8, 9, 10 (9), Oct 12–16 (14), Oct 19–23 (19), Oct 26 (20).
        Assert.That(Calendar.AddWorkingDays(D("2026-09-21"), 20), Is.EqualTo(D("2026-10-26")));
        Assert.That(Calendar.WorkingDaysBetween(D("2026-09-21"), D("2026-10-26")), Is.EqualTo(20));
    }

    [Test]
    public void A_year_without_a_schedule_is_an_explicit_error_not_a_guess()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(D("2031-03-03")));
        Assert.That(ex!.Year, Is.EqualTo(2031));
        Assert.That(ex.Message, Does.Contain("2031"));
    }

    [Test]
    public void An_administrator_can_add_a_year()
    {
        var edited = Calendar.With(new HolidaySchedule(2031, [new SpecialDay(D("2031-01-01"), "元旦", IsOffDay: true)]));
        Assert.That(edited.IsWorkingDay(D("2031-01-01")), Is.False);
        Assert.That(edited.IsWorkingDay(D("2031-01-02")), Is.True);
        Assert.That(Calendar.Covers(2031), Is.False, "the original calendar is unchanged");
    }

    [Test]
    public void The_shipped_calendar_covers_the_years_the_product_needs()
    {
        Assert.That(Calendar.Years, Is.SupersetOf(new[] { 2024, 2025, 2026, 2027 }));
    }
}
