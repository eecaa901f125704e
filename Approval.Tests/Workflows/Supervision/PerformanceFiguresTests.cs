using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>绩效评估 figures by the definitions of the seeds' published figures.</summary>
public class PerformanceFiguresTests
{
    private static readonly BusinessHours Hours = new();
    private static readonly EvaluationPeriod FourthQuarter = EvaluationPeriod.Quarter(2026, 4, Hours);

    [Test]
    public void Yunfu_s_published_figures_follow_from_the_definitions()
    {
        // 云浮: windows received 23,678 cases and completed 24,375 (102.94%); of the completed, 4,826 immediate and
        // 19,221 promised, 17,025 completed early (88.57%). The remaining 328 completed cases are neither: modelled as
        // escalated. Completed exceeds received: 1,197 cases received before the period finished in it, while 500
        // received in it were still open at its end.
        var period = EvaluationPeriod.Between("2026年9月至2027年3月", new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 31), Hours);
        var figures = PerformanceFigures.Of(YunfuCases(receivedBefore: 1_197, receivedAndCompleted: 23_178, stillOpen: 500,
            immediate: 4_826, promised: 19_221, early: 17_025), period);
        Assert.Multiple(() =>
        {
            Assert.That(figures.Received, Is.EqualTo(23_678));
            Assert.That(figures.Completed, Is.EqualTo(24_375));
            Assert.That(figures.CompletionRate.Percent, Is.EqualTo(102.94m));
            Assert.That(figures.Immediate, Is.EqualTo(4_826));
            Assert.That(figures.Promised, Is.EqualTo(19_221));
            Assert.That(figures.CompletedEarly, Is.EqualTo(17_025));
            Assert.That(figures.EarlyCompletionRate.Percent, Is.EqualTo(88.57m));
            Assert.That(figures.EarlyCompletionRate.ToString(), Is.EqualTo("88.57%"));
        });
    }

    private static IEnumerable<CaseFacts> YunfuCases(int receivedBefore, int receivedAndCompleted, int stillOpen, int immediate, int promised, int early)
    {
        var firstMorning = Beijing("2026-09-01T09:00:00");
        for (var i = 0; i < receivedBefore + receivedAndCompleted; i++)
        {
            var received = i < receivedBefore ? Beijing("2026-08-20T09:00:00") : firstMorning.AddDays(i % 200);
            var completed = i < receivedBefore ? Beijing("2026-09-10T15:00:00") : received.AddDays(5);
            var handling = i < immediate ? CaseHandling.Immediate : i < immediate + promised ? CaseHandling.Promised : CaseHandling.Escalated;
            var promisedIndex = i - immediate;
            DateTimeOffset? due = handling != CaseHandling.Promised ? null
                : promisedIndex < early ? completed.AddDays(1)
                : promisedIndex % 2 == 0 ? completed // on the due instant: on time, not early
                : completed.AddDays(-1);
            yield return new CaseFacts { ReceivedAt = received, CompletedAt = completed, Handling = handling, PromisedDueAt = due, WorkingDaysUsed = 3 };
        }
        for (var i = 0; i < stillOpen; i++)
            yield return new CaseFacts { ReceivedAt = Beijing("2027-03-30T10:00:00"), Handling = CaseHandling.Promised, PromisedDueAt = Beijing("2027-04-13T17:30:00") };
    }

    [Test]
    public void A_case_received_before_the_period_and_completed_in_it_counts_as_completed_not_as_received()
    {
        var figures = PerformanceFigures.Of(
        [
            Promised(received: "2026-09-28T10:00:00", completed: "2026-10-09T11:00:00", due: "2026-10-16T17:30:00"),
            Promised(received: "2026-12-30T10:00:00", completed: null, due: "2027-01-14T17:30:00"),
        ], FourthQuarter);
        Assert.That((figures.Received, figures.Completed, figures.CompletionRate.Percent), Is.EqualTo((1, 1, 100m)));
    }

    [Test]
    public void Completed_early_means_before_the_due_instant_of_the_promised_limit()
    {
        var figures = PerformanceFigures.Of(
        [
            Promised(received: "2026-11-02T10:00:00", completed: "2026-11-16T17:29:59", due: "2026-11-16T17:30:00"),
            Promised(received: "2026-11-02T10:00:00", completed: "2026-11-16T17:30:00", due: "2026-11-16T17:30:00"),
            Promised(received: "2026-11-02T10:00:00", completed: "2026-11-17T09:00:00", due: "2026-11-16T17:30:00"),
            new CaseFacts { ReceivedAt = Beijing("2026-11-02T10:00:00"), CompletedAt = Beijing("2026-11-02T10:20:00"), Handling = CaseHandling.Immediate },
        ], FourthQuarter);
        Assert.Multiple(() =>
        {
            Assert.That(figures.Promised, Is.EqualTo(3));
            Assert.That(figures.Immediate, Is.EqualTo(1));
            Assert.That(figures.CompletedEarly, Is.EqualTo(1), "on the due instant is on time, not early; an immediate case is never early");
            Assert.That(figures.EarlyCompletionRate.Percent, Is.EqualTo(33.33m));
        });
    }

    [Test]
    public void A_period_s_days_are_read_in_Beijing_time()
    {
        var lastEveningOfSeptember = Beijing("2026-09-30T23:30:00"); // 15:30 UTC
        var firstMinutesOfOctober = Beijing("2026-10-01T00:10:00"); // still 30 September in UTC
        var figures = PerformanceFigures.Of(
        [
            new CaseFacts { ReceivedAt = lastEveningOfSeptember, Handling = CaseHandling.Promised },
            new CaseFacts { ReceivedAt = firstMinutesOfOctober, Handling = CaseHandling.Promised },
        ], FourthQuarter);
        Assert.That(figures.Received, Is.EqualTo(1));
        Assert.That(FourthQuarter.Name, Is.EqualTo("2026年第四季度"));
    }

    [Test]
    public void Working_days_used_are_averaged_over_the_completed_cases_with_the_ninetieth_percentile_by_nearest_rank()
    {
        var completed = Enumerable.Range(1, 10).Select(days => new CaseFacts
        {
            ReceivedAt = Beijing("2026-10-12T10:00:00"),
            CompletedAt = Beijing("2026-12-01T10:00:00"),
            Handling = CaseHandling.Promised,
            WorkingDaysUsed = days,
        });
        var open = new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised, WorkingDaysUsed = 40 };
        var figures = PerformanceFigures.Of([.. completed, open], FourthQuarter);
        Assert.That(figures.AverageWorkingDaysUsed, Is.EqualTo(5.5m));
        Assert.That(figures.WorkingDaysUsed90thPercentile, Is.EqualTo(9), "9 of the 10 took 9 days or fewer");
    }

    [Test]
    public void Cards_violations_complaint_breaches_and_ratings_are_summed_over_the_unit_s_cases()
    {
        var figures = PerformanceFigures.Of(
        [
            new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised, YellowCards = 1, RedCards = 1, ConfirmedViolations = 1, Satisfaction = 2 },
            new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised, YellowCards = 2, ComplaintBreaches = 2, Satisfaction = 5 },
            new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Immediate },
        ], FourthQuarter);
        Assert.That((figures.YellowCards, figures.RedCards, figures.ConfirmedViolations, figures.ComplaintBreaches), Is.EqualTo((3, 1, 1, 2)));
        Assert.That(figures.AverageSatisfaction, Is.EqualTo(3.5m), "the unrated case is left out");
    }

    [Test]
    public void A_unit_that_received_nothing_has_no_completion_rate_rather_than_zero()
    {
        var figures = PerformanceFigures.Of([], FourthQuarter);
        Assert.Multiple(() =>
        {
            Assert.That(figures.CompletionRate.Percent, Is.Null);
            Assert.That(figures.EarlyCompletionRate.Percent, Is.Null);
            Assert.That(figures.AverageWorkingDaysUsed, Is.Null);
            Assert.That(figures.WorkingDaysUsed90thPercentile, Is.Null);
            Assert.That(figures.AverageSatisfaction, Is.Null);
        });
    }

    [Test]
    public void The_satisfaction_rate_is_the_share_of_ratings_that_are_satisfied_or_very_satisfied()
    {
        var figures = PerformanceFigures.Of(
        [
            .. new[] { 5, 4, 4, 3, 1 }.Select(score => new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised, Satisfaction = score }),
            new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised },
        ], FourthQuarter);
        Assert.That((figures.Rated, figures.Satisfied), Is.EqualTo((5, 3)), "基本满意 is not satisfied; the unrated case is left out");
        Assert.That(figures.SatisfactionRate.Percent, Is.EqualTo(60.00m));
        Assert.That(PerformanceFigures.Of([], FourthQuarter).SatisfactionRate.Percent, Is.Null, "nothing rated: no rate");
    }

    [Test]
    public void A_rating_is_one_to_five()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CaseFacts { ReceivedAt = Beijing("2026-10-12T10:00:00"), Handling = CaseHandling.Promised, Satisfaction = 6 });
    }

    private static CaseFacts Promised(string received, string? completed, string due) => new()
    {
        ReceivedAt = Beijing(received),
        CompletedAt = completed is null ? null : Beijing(completed),
        Handling = CaseHandling.Promised,
        PromisedDueAt = Beijing(due),
    };
}
