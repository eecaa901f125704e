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
    public void A_year_past_the_provisional_ones_is_an_explicit_error_not_a_guess()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Calendar.IsWorkingDay(D("2037-03-03")));
        Assert.That(ex!.Year, Is.EqualTo(2037));
        Assert.That(ex.Message, Does.Contain("2037"));
    }

    [Test]
    public void An_administrator_can_add_a_year()
    {
        var edited = Calendar.With(new HolidaySchedule(2037, [new SpecialDay(D("2037-01-01"), "元旦", IsOffDay: true)]));
        Assert.That(edited.IsWorkingDay(D("2037-01-01")), Is.False);
        Assert.That(edited.IsWorkingDay(D("2037-01-02")), Is.True);
        Assert.That(edited.IsProvisional(2037), Is.False);
        Assert.That(Calendar.Covers(2037), Is.False, "the original calendar is unchanged");
    }

    [Test]
    public void The_shipped_calendar_covers_the_years_the_product_needs()
    {
        Assert.That(Calendar.Years, Is.SupersetOf(new[] { 2024, 2025, 2026, 2027 }));
        Assert.That(Calendar.IsProvisional(2026), Is.False);
    }

    [Test]
    public void The_empty_2027_placeholder_is_refused_and_2027_is_answered_from_the_statute()
    {
        var refused = OfficialHolidays.Refused.Single(r => r.Year == 2027);
        Assert.That(refused.Reason, Does.Contain("lists no day"));
        Assert.That(OfficialHolidays.Schedules.Select(s => s.Year), Does.Not.Contain(2027));
        Assert.That(Calendar.IsProvisional(2027), Is.True);

        var newYear = Calendar.Day(D("2027-01-01"));
        Assert.That(newYear.Kind, Is.EqualTo(DayKind.Holiday), "元旦 is a holiday whatever the notice will say");
        Assert.That(newYear.HolidayName, Is.EqualTo("元旦"));
        Assert.That(newYear.Provisional, Is.True);
        Assert.That(Calendar.Day(D("2026-12-31")).Provisional, Is.False);
    }

    [Test]
    public void Five_working_days_from_monday_28_december_2026_end_on_5_january_2027()
    {
        // 12-29, 12-30, 12-31, (01-01 元旦, weekend), 01-04, 01-05.
        Assert.That(Calendar.AddWorkingDays(D("2026-12-28"), 5), Is.EqualTo(D("2027-01-05")));
        Assert.That(Calendar.AnyProvisional(D("2026-12-28"), D("2027-01-05")), Is.True);
        Assert.That(Calendar.AnyProvisional(D("2026-12-01"), D("2026-12-31")), Is.False);
    }

    [Test]
    public void The_calendar_answers_2028_to_2035_provisionally()
    {
        foreach (var year in Enumerable.Range(2028, 8))
        {
            Assert.That(Calendar.IsProvisional(year), Is.True, $"{year}");
            Assert.That(Calendar.Day(new DateOnly(year, 10, 2)).Kind, Is.EqualTo(DayKind.Holiday), $"国庆 {year}");
            Assert.That(Calendar.Day(new DateOnly(year, 5, 2)).Kind, Is.EqualTo(DayKind.Holiday), $"劳动节 {year}");
        }
        Assert.That(Calendar.ProvisionalYears, Is.EqualTo(Enumerable.Range(2027, 10)));
    }

    [Test]
    public void A_published_year_ends_its_provisional_answer_and_moves_the_horizon()
    {
        var published = Calendar.With(StatutoryHolidays.Provisional(2027) with { Days = [.. StatutoryHolidays.Provisional(2027).Days, new SpecialDay(D("2027-02-20"), "春节", false)] });
        Assert.That(published.IsProvisional(2027), Is.False);
        Assert.That(published.Day(D("2027-02-20")).Kind, Is.EqualTo(DayKind.MakeUpWorkingDay));
        Assert.That(published.IsProvisional(2037), Is.True);
    }
}
