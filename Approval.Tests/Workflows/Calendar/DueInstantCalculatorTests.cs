using Approval.Workflows.Calendar;

namespace Approval.Tests.Workflows.Calendar;

/// <summary>Due instants: the close of business (17:30 Beijing time) of the N-th working day; suspended days do not count.</summary>
public class DueInstantCalculatorTests
{
    private static readonly DueInstantCalculator Due = new(WorkingDayCalendar.Official, new BusinessHours());

    private static DateTimeOffset Beijing(string local) =>
        DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void A_limit_ends_at_close_of_business_of_its_last_working_day()
    {
        var due = Due.DueAt(Beijing("2026-11-24T10:00:00"), 5);
        Assert.That(due, Is.EqualTo(Beijing("2026-12-01T17:30:00")));
    }

    [Test]
    public void A_case_received_after_hours_still_counts_from_the_next_working_day()
    {
        Assert.That(Due.DueAt(Beijing("2026-11-24T22:00:00"), 1), Is.EqualTo(Beijing("2026-11-25T17:30:00")));
    }

    [Test]
    public void Days_suspended_at_close_of_business_do_not_count()
    {
        // Suspended for expert review from Wednesday morning until Friday morning: Wed and Thu do not count.
        var suspensions = new[] { new ClockSuspension(Beijing("2026-11-25T09:00:00"), Beijing("2026-11-27T09:00:00")) };
        Assert.That(Due.DueAt(Beijing("2026-11-24T10:00:00"), 5, suspensions), Is.EqualTo(Beijing("2026-12-03T17:30:00")));
    }

    [Test]
    public void An_open_suspension_stops_the_clock()
    {
        var suspensions = new[] { new ClockSuspension(Beijing("2026-11-25T09:00:00"), null) };
        Assert.That(Due.DueAt(Beijing("2026-11-24T10:00:00"), 5, suspensions), Is.Null);
    }

    [Test]
    public void A_zero_day_limit_ends_at_the_close_of_the_day_it_starts()
    {
        Assert.That(Due.DueAt(Beijing("2026-11-24T10:00:00"), 0), Is.EqualTo(Beijing("2026-11-24T17:30:00")));
        Assert.That(Due.DueAt(Beijing("2026-11-24T17:30:00"), 0), Is.EqualTo(Beijing("2026-11-24T17:30:00")));
    }

    [Test]
    public void A_zero_day_limit_started_after_hours_or_on_a_day_off_ends_at_the_close_of_the_next_working_day()
    {
        Assert.That(Due.DueAt(Beijing("2026-11-27T18:00:00"), 0), Is.EqualTo(Beijing("2026-11-30T17:30:00")), "Friday evening → Monday");
        Assert.That(Due.DueAt(Beijing("2026-09-30T18:00:00"), 0), Is.EqualTo(Beijing("2026-10-08T17:30:00")), "国庆节 lies between");
        Assert.That(Due.DueAt(Beijing("2026-10-10T09:00:00"), 0), Is.EqualTo(Beijing("2026-10-10T17:30:00")), "a make-up Saturday is a working day");
    }

    [Test]
    public void A_calculator_counts_on_the_calendar_in_force_when_it_counts()
    {
        var calendars = new CalendarSource();
        var due = new DueInstantCalculator(calendars, new BusinessHours());
        // Provisional 2028: 元旦 Saturday is owed on Monday 01-03 (补假). Dec 27–31, then Jan 4–7 and 10.
        Assert.That(due.DueAt(Beijing("2027-12-24T10:00:00"), 10), Is.EqualTo(Beijing("2028-01-10T17:30:00")));

        var notice = StatutoryHolidays.Provisional(2028);
        calendars.Apply(new EditedSchedule(notice with { Days = [.. notice.Days.Where(d => d.Date != new DateOnly(2028, 1, 3)), new(new DateOnly(2028, 1, 2), "元旦", true)] },
            Beijing("2027-12-24T09:00:00"), "admin"));
        // The notice gives no day in lieu on 01-03 this time: Dec 27–31, then Jan 3–7.
        Assert.That(due.DueAt(Beijing("2027-12-24T10:00:00"), 10), Is.EqualTo(Beijing("2028-01-07T17:30:00")));
    }

    [Test]
    public void Working_days_used_count_a_day_once_its_business_has_closed()
    {
        var start = Beijing("2026-11-24T10:00:00");
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-25T17:00:00")), Is.Zero);
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-25T17:30:00")), Is.EqualTo(1));
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-30T09:00:00")), Is.EqualTo(3));
    }
}
