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
    public void Working_days_used_count_a_day_once_its_business_has_closed()
    {
        var start = Beijing("2026-11-24T10:00:00");
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-25T17:00:00")), Is.Zero);
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-25T17:30:00")), Is.EqualTo(1));
        Assert.That(Due.WorkingDaysUsed(start, Beijing("2026-11-30T09:00:00")), Is.EqualTo(3));
    }
}
