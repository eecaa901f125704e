using Approval.Workflows.Calendar;
using Approval.Tests.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>环节超时: a step can be overdue while its case is not; the case turns yellow, and the step is a breach of its own.</summary>
public class StepOverdueTests
{
    private static readonly WarningSchedule Schedule =
        new(new DueInstantCalculator(WorkingDayCalendar.Official, new BusinessHours()), new WarningRules());

    /// <summary>企业设立登记 (15 working days, due 12-15) accepted 2026-11-24 10:00; the fire department's review has
    /// 5 working days (due 12-01).</summary>
    private static (SupervisedClock Case, SupervisedClock FireReview) Establishment()
    {
        var a = ACase.ForItem(ACase.EnterpriseEstablishment, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        var task = a.Case.OpenTask("task-fire", "fire", "bookmark-fire", 5, a.Clock);
        var step = new SupervisedClock(task.OpenedAt, task.LimitDays);
        var @case = new SupervisedClock(a.Case.AcceptedAt!.Value, a.Case.PromisedLimitDays, a.Case.Suspensions);
        return (@case with { StepOverdueSince = Schedule.FirstStepOverdue([step]) }, step);
    }

    [Test]
    public void A_case_is_yellow_once_one_of_its_steps_is_overdue_though_its_own_limit_is_far()
    {
        var (@case, fire) = Establishment();
        var morningAfter = ACase.Beijing("2026-12-02T09:00:00");
        Assert.Multiple(() =>
        {
            Assert.That(Schedule.ThresholdsOf(@case)!.Due, Is.EqualTo(ACase.Beijing("2026-12-15T17:30:00")));
            Assert.That(Schedule.LevelAt(fire, morningAfter), Is.EqualTo(WarningLevel.Red));
            Assert.That(Schedule.LevelAt(@case with { StepOverdueSince = null }, morningAfter), Is.EqualTo(WarningLevel.Green), "by its own clock");
            Assert.That(Schedule.LevelAt(@case, morningAfter), Is.EqualTo(WarningLevel.Yellow));
        });
    }

    [Test]
    public void The_case_s_next_threshold_is_the_instant_its_step_falls_overdue()
    {
        var (@case, _) = Establishment();
        Assert.That(Schedule.NextThresholdAfter(@case, @case.Start), Is.EqualTo(ACase.Beijing("2026-12-01T17:30:00").AddTicks(1)));
    }

    [Test]
    public void A_step_overdue_while_its_case_is_not_is_a_breach_of_its_own()
    {
        var (@case, fire) = Establishment();
        Assert.Multiple(() =>
        {
            Assert.That(Schedule.IsStepOverdueWhileCaseIsNot(fire, @case, ACase.Beijing("2026-12-01T17:30:00")), Is.False, "not yet past its limit");
            Assert.That(Schedule.IsStepOverdueWhileCaseIsNot(fire, @case, ACase.Beijing("2026-12-02T09:00:00")), Is.True);
            Assert.That(Schedule.IsStepOverdueWhileCaseIsNot(fire, @case, ACase.Beijing("2026-12-16T09:00:00")), Is.False, "the overdue case is the breach now");
        });
    }

    [Test]
    public void A_stopped_step_is_left_out_of_its_case_s_step_overdue_instant_until_it_resumes()
    {
        var (_, fire) = Establishment();
        var inspection = fire with { Suspensions = [new ClockSuspension(ACase.Beijing("2026-11-26T09:00:00"), null)] };
        Assert.That(Schedule.FirstStepOverdue([inspection]), Is.Null);
    }
}
