using Approval.Workflows.Calendar;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Calendar;

/// <summary>The calendar in force: the shipped official schedules, each year replaced by an administrator's where saved.</summary>
public class CalendarSourceTests
{
    private static EditedSchedule Edit(int year, params SpecialDay[] days) => new(new HolidaySchedule(year, days), Beijing("2026-11-24T10:00:00"), "admin");

    private static SpecialDay Day(string date, string name, bool isOffDay) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), name, isOffDay);

    [Test]
    public void Before_any_edit_the_official_schedules_are_in_force()
    {
        var source = new CalendarSource();
        Assert.That(source.Current.Years, Is.EquivalentTo(WorkingDayCalendar.Official.Years));
        Assert.That(source.YearOf(2026)!.Origin, Is.EqualTo(ScheduleOrigin.Official));
        Assert.That(source.YearOf(2031)!.Origin, Is.EqualTo(ScheduleOrigin.Provisional));
        Assert.That(source.YearOf(2037), Is.Null);
    }

    [Test]
    public void An_administrator_s_year_replaces_the_official_one_whole()
    {
        var source = new CalendarSource();
        var before = source.Current;
        source.Apply(Edit(2026, Day("2026-10-01", "国庆节", true)));

        Assert.That(source.Current.Day(new DateOnly(2026, 10, 1)).Kind, Is.EqualTo(DayKind.Holiday));
        Assert.That(source.Current.Day(new DateOnly(2026, 10, 2)).Kind, Is.EqualTo(DayKind.WorkingDay), "the official 10-02 is no longer listed");
        Assert.That(source.YearOf(2026), Is.EqualTo(new YearSchedule(source.YearOf(2026)!.Schedule, ScheduleOrigin.Administrator, Beijing("2026-11-24T10:00:00"), "admin")));
        Assert.That(before.Day(new DateOnly(2026, 10, 2)).Kind, Is.EqualTo(DayKind.Holiday), "a calendar already read does not change under its reader");
    }

    [Test]
    public void Loading_the_stored_years_replaces_every_earlier_edit()
    {
        var source = new CalendarSource();
        source.Apply(Whole(2030));
        source.Load([Whole(2031)]);

        Assert.That(source.YearOf(2030)!.Origin, Is.EqualTo(ScheduleOrigin.Provisional));
        Assert.That(source.YearOf(2031)!.Origin, Is.EqualTo(ScheduleOrigin.Administrator));
        Assert.That(source.YearOf(2026)!.Origin, Is.EqualTo(ScheduleOrigin.Official));
        Assert.That(source.YearOf(2027)!.Origin, Is.EqualTo(ScheduleOrigin.Provisional), "the empty shipped 2027 is not a year");
    }

    [Test]
    public void A_stored_year_without_its_statutory_holidays_is_refused_at_load_and_the_year_stays_provisional()
    {
        var source = new CalendarSource();
        source.Load([Edit(2027), Edit(2028, Day("2028-01-01", "元旦", true)), Whole(2029)]);

        Assert.That(source.YearOf(2027)!.Origin, Is.EqualTo(ScheduleOrigin.Provisional));
        Assert.That(source.YearOf(2028)!.Origin, Is.EqualTo(ScheduleOrigin.Provisional));
        Assert.That(source.YearOf(2029)!.Origin, Is.EqualTo(ScheduleOrigin.Administrator));
        var refused = source.Refused.Where(r => r.Year is 2027 or 2028).ToList();
        Assert.That(refused.Select(r => r.Reason), Has.Some.Contains("lists no day").And.Some.Contains("清明节"));
        Assert.That(source.Refused.Count(r => r.Year == 2027), Is.EqualTo(2), "the shipped placeholder and the stored empty year");
    }

    private static EditedSchedule Whole(int year) => new(StatutoryHolidays.Provisional(year), Beijing("2026-11-24T10:00:00"), "admin");
}
