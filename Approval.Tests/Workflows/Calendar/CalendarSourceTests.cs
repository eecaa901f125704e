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
        Assert.That(source.YearOf(2031), Is.Null);
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
        source.Apply(Edit(2030, Day("2030-01-01", "元旦", true)));
        source.Load([Edit(2031, Day("2031-01-01", "元旦", true))]);

        Assert.That(source.Current.Covers(2030), Is.False);
        Assert.That(source.YearOf(2031)!.Origin, Is.EqualTo(ScheduleOrigin.Administrator));
        Assert.That(source.YearOf(2027)!.Origin, Is.EqualTo(ScheduleOrigin.Official));
    }
}
