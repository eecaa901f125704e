using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>
/// Warning levels of a clock on the official calendar: yellow once ceil(90%) of the working days are used (at the
/// latest at the start of the last one), a prompt one working day before the yellow card, red past the limit.
/// </summary>
public class WarningScheduleTests
{
    private static readonly DueInstantCalculator Due = new(WorkingDayCalendar.Official, new BusinessHours());
    private static readonly WarningSchedule Schedule = new(Due, new WarningRules());

    /// <summary>Accepted on the Monday before 国庆节 2026: 9-29, 9-30, then 10-01..07 off, 10-08, 10-09, 10-10 (调休, a
    /// Saturday worked), 10-12, 10-13, 10-14 (8th day), 10-15 (9th), 10-16 (10th).</summary>
    private static readonly SupervisedClock TenDaysOverNationalDay = new(Beijing("2026-09-28T10:00:00"), 10);

    [Test]
    public void A_ten_day_clock_over_national_day_warns_at_the_eighth_and_ninth_close_of_business_and_is_red_past_the_tenth()
    {
        var thresholds = Schedule.ThresholdsOf(TenDaysOverNationalDay)!;
        Assert.That(thresholds.PromptFrom, Is.EqualTo(Beijing("2026-10-14T17:30:00")), "8 days used: one working day before the yellow card");
        Assert.That(thresholds.YellowFrom, Is.EqualTo(Beijing("2026-10-15T17:30:00")), "9 days used = ceil(0.9 × 10)");
        Assert.That(thresholds.Due, Is.EqualTo(Beijing("2026-10-16T17:30:00")));
        Assert.That(thresholds.RedFrom, Is.EqualTo(Beijing("2026-10-16T17:30:00").AddTicks(1)), "red is past the due instant");
    }

    [TestCase("2026-09-30T17:30:00", WarningLevel.Green)]
    [TestCase("2026-10-14T17:29:59", WarningLevel.Green)]
    [TestCase("2026-10-14T17:30:00", WarningLevel.Prompt)]
    [TestCase("2026-10-15T17:29:59", WarningLevel.Prompt)]
    [TestCase("2026-10-15T17:30:00", WarningLevel.Yellow)]
    [TestCase("2026-10-16T17:30:00", WarningLevel.Yellow)]
    [TestCase("2026-10-16T17:30:01", WarningLevel.Red)]
    public void The_level_rises_exactly_at_each_threshold(string beijing, WarningLevel expected)
    {
        Assert.That(Schedule.LevelAt(TenDaysOverNationalDay, Beijing(beijing)), Is.EqualTo(expected));
    }

    [Test]
    public void Each_threshold_schedules_the_next_until_red()
    {
        var clock = TenDaysOverNationalDay;
        var prompt = Schedule.NextThresholdAfter(clock, clock.Start);
        var yellow = Schedule.NextThresholdAfter(clock, prompt!.Value);
        var red = Schedule.NextThresholdAfter(clock, yellow!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(Schedule.LevelAt(clock, clock.Start), Is.EqualTo(WarningLevel.Green));
            Assert.That(prompt, Is.EqualTo(Beijing("2026-10-14T17:30:00")));
            Assert.That(Schedule.LevelAt(clock, prompt.Value), Is.EqualTo(WarningLevel.Prompt));
            Assert.That(yellow, Is.EqualTo(Beijing("2026-10-15T17:30:00")));
            Assert.That(Schedule.LevelAt(clock, yellow.Value), Is.EqualTo(WarningLevel.Yellow));
            Assert.That(red, Is.EqualTo(Beijing("2026-10-16T17:30:00").AddTicks(1)));
            Assert.That(Schedule.LevelAt(clock, red!.Value), Is.EqualTo(WarningLevel.Red));
            Assert.That(Schedule.NextThresholdAfter(clock, red.Value), Is.Null, "nothing follows red");
        });
    }

    [Test]
    public void A_scheduler_waking_between_thresholds_is_sent_to_the_next_one()
    {
        Assert.That(Schedule.NextThresholdAfter(TenDaysOverNationalDay, Beijing("2026-10-15T09:00:00")), Is.EqualTo(Beijing("2026-10-15T17:30:00")));
    }

    [Test]
    public void Days_suspended_at_close_of_business_push_every_threshold()
    {
        // Expert review from Friday 10-09 morning to Monday 10-12 morning: 10-09 and 10-10 (调休) do not count.
        var clock = TenDaysOverNationalDay with { Suspensions = [new ClockSuspension(Beijing("2026-10-09T09:00:00"), Beijing("2026-10-12T09:00:00"))] };
        var thresholds = Schedule.ThresholdsOf(clock)!;
        Assert.That(thresholds.PromptFrom, Is.EqualTo(Beijing("2026-10-16T17:30:00")));
        Assert.That(thresholds.YellowFrom, Is.EqualTo(Beijing("2026-10-19T17:30:00")));
        Assert.That(thresholds.Due, Is.EqualTo(Beijing("2026-10-20T17:30:00")));
    }

    [Test]
    public void A_stopped_clock_keeps_its_level_and_has_no_next_threshold_until_it_resumes()
    {
        var clock = TenDaysOverNationalDay with { Suspensions = [new ClockSuspension(Beijing("2026-10-15T09:00:00"), null)] };
        Assert.Multiple(() =>
        {
            Assert.That(Schedule.ThresholdsOf(clock), Is.Null);
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-10-14T17:29:59")), Is.EqualTo(WarningLevel.Green));
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-10-14T17:30:00")), Is.EqualTo(WarningLevel.Prompt));
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-11-30T12:00:00")), Is.EqualTo(WarningLevel.Prompt), "weeks later, still stopped");
            Assert.That(Schedule.NextThresholdAfter(clock, Beijing("2026-10-15T09:00:00")), Is.Null);
        });
    }

    [Test]
    public void A_one_day_limit_is_a_prompt_from_the_start_and_red_past_its_only_working_day()
    {
        // Accepted on the eve of 国庆节: its one working day is 10-08.
        var clock = new SupervisedClock(Beijing("2026-09-30T10:00:00"), 1);
        var thresholds = Schedule.ThresholdsOf(clock)!;
        Assert.Multiple(() =>
        {
            Assert.That(thresholds.PromptFrom, Is.EqualTo(clock.Start));
            Assert.That(thresholds.YellowFrom, Is.Null, "no yellow stage: its only working day is its last");
            Assert.That(thresholds.Due, Is.EqualTo(Beijing("2026-10-08T17:30:00")));
            Assert.That(Schedule.LevelAt(clock, clock.Start), Is.EqualTo(WarningLevel.Prompt));
            Assert.That(Schedule.NextThresholdAfter(clock, clock.Start), Is.EqualTo(thresholds.RedFrom));
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-10-08T17:30:01")), Is.EqualTo(WarningLevel.Red));
        });
    }

    [Test]
    public void An_immediate_item_s_zero_day_limit_is_a_prompt_from_the_start_and_red_past_the_close_of_that_day()
    {
        var clock = new SupervisedClock(Beijing("2026-11-24T10:00:00"), 0);
        var thresholds = Schedule.ThresholdsOf(clock)!;
        Assert.Multiple(() =>
        {
            Assert.That(thresholds.PromptFrom, Is.EqualTo(clock.Start));
            Assert.That(thresholds.YellowFrom, Is.Null);
            Assert.That(thresholds.Due, Is.EqualTo(Beijing("2026-11-24T17:30:00")));
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-11-24T17:30:00")), Is.EqualTo(WarningLevel.Prompt));
            Assert.That(Schedule.LevelAt(clock, Beijing("2026-11-24T17:30:01")), Is.EqualTo(WarningLevel.Red));
        });
    }

    [TestCase(2, 0, 1)]
    [TestCase(5, 3, 4)]
    [TestCase(9, 7, 8)]
    [TestCase(10, 8, 9)]
    [TestCase(15, 13, 14)]
    [TestCase(20, 17, 18)]
    public void Yellow_comes_at_ceil_ninety_percent_but_before_the_last_day_and_the_prompt_a_day_before_it(int limit, int promptDays, int yellowDays)
    {
        Assert.That(Schedule.PromptDays(limit), Is.EqualTo(promptDays));
        Assert.That(Schedule.YellowDays(limit), Is.EqualTo(yellowDays));
    }

    [Test]
    public void Thresholds_follow_the_item_s_warning_rules()
    {
        var strict = new WarningSchedule(Due, new WarningRules(PromptDaysBefore: 2, YellowShare: 0.5m));
        Assert.That(strict.YellowDays(10), Is.EqualTo(5));
        Assert.That(strict.PromptDays(10), Is.EqualTo(3));
        Assert.That(strict.ThresholdsOf(TenDaysOverNationalDay)!.YellowFrom, Is.EqualTo(Beijing("2026-10-10T17:30:00")), "the 5th day is the Saturday worked (调休)");
    }
}
