using Approval.Workflows.Calendar;

namespace Approval.Tests.Workflows.Calendar;

/// <summary>A year's schedule as an administrator enters it: read in date order, or every problem named by its field.</summary>
public class HolidayScheduleInputTests
{
    [Test]
    public void An_entered_schedule_is_read_in_date_order()
    {
        var statutory = StatutoryHolidays.Provisional(2031).Days.Select(d => new SpecialDayInput(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Name, true));
        var schedule = HolidayScheduleInput.Read(2031, [new("2031-01-02", "元旦", true), new("2030-12-31", "元旦", false), .. statutory.Reverse()], out var problems);
        Assert.That(problems, Is.Empty);
        Assert.That(schedule!.Days.Select(d => d.Date), Is.Ordered);
        Assert.That(schedule.Days.Take(3).Select(d => d.Date), Is.EqualTo(new[] { new DateOnly(2030, 12, 31), new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 2) }));
    }

    [Test]
    public void Every_problem_of_an_entered_schedule_is_named_by_its_field()
    {
        var schedule = HolidayScheduleInput.Read(2031,
        [
            new("2031-01-01", "元旦", true),
            new("2031-01-01", " ", null),
            new("2030-11-30", "国庆节", true),
            new("2031/10/01", "国庆节", true),
            null,
        ], out var problems);
        Assert.That(schedule, Is.Null);
        Assert.That(problems.Select(p => p.Field), Is.EqualTo(new[]
            { "days[1].date", "days[1].name", "days[1].isOffDay", "days[2].date", "days[3].date", "days[4]" }));
        Assert.That(problems[0].Reason, Does.Contain("twice"));
        Assert.That(problems[3].Reason, Does.Contain("2030-12-01 to 2032-01-31"));
    }

    [Test]
    public void A_schedule_lists_at_least_one_day_of_a_sensible_year()
    {
        Assert.That(HolidayScheduleInput.Read(2031, [], out var empty), Is.Null);
        Assert.That(empty.Single().Field, Is.EqualTo("days"));
        Assert.That(HolidayScheduleInput.Read(1, [new("0001-01-01", "元旦", true)], out var ancient), Is.Null);
        Assert.That(ancient.Single().Field, Is.EqualTo("year"));
    }

    [Test]
    public void A_schedule_without_its_statutory_holidays_is_refused_naming_what_it_lacks()
    {
        Assert.That(HolidayScheduleInput.Read(2031, [new("2031-01-01", "元旦", true), new("2031-10-01", "国庆节", true)], out var problems), Is.Null);
        var problem = problems.Single();
        Assert.That(problem.Field, Is.EqualTo("days"));
        Assert.That(problem.Reason, Does.Contain("春节").And.Contain("清明节").And.Contain("端午节").And.Contain("国庆节 (2031-10-02, 2031-10-03)"), "中秋 2031 is 10-01, listed as 国庆节");
    }
}
