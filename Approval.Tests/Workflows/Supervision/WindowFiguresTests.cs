using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>A window's own figures: applications answered, acceptances within Art. 32's 5 working days, supplement requests.</summary>
public class WindowFiguresTests
{
    private static readonly EvaluationPeriod November = EvaluationPeriod.Between("2026年11月", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), new BusinessHours());

    [Test]
    public void A_window_s_acceptances_on_time_are_a_share_of_its_acceptances_and_refusals_are_not_acceptances()
    {
        var figures = WindowFigures.Of(
        [
            new WindowAction(WindowActionKind.Accepted, Beijing("2026-11-02T10:00:00")),
            new WindowAction(WindowActionKind.Accepted, Beijing("2026-11-03T10:00:00")),
            new WindowAction(WindowActionKind.Accepted, Beijing("2026-11-04T10:00:00"), OnTime: false),
            new WindowAction(WindowActionKind.Refused, Beijing("2026-11-05T10:00:00")),
            new WindowAction(WindowActionKind.SupplementRequested, Beijing("2026-11-05T11:00:00")),
            new WindowAction(WindowActionKind.Accepted, Beijing("2026-12-01T00:30:00")),
        ], November);

        Assert.That(figures, Is.EqualTo(new WindowFigures(Accepted: 3, Refused: 1, AcceptedOnTime: 2, SupplementRequests: 1)), "December's acceptance is not November's");
        Assert.That(figures.AcceptanceOnTimeRate.Percent, Is.EqualTo(66.67m));
    }

    [Test]
    public void A_window_that_accepted_nothing_has_no_acceptance_rate()
    {
        Assert.That(WindowFigures.Of([new WindowAction(WindowActionKind.Refused, Beijing("2026-11-05T10:00:00"))], November).AcceptanceOnTimeRate.Percent, Is.Null);
    }

    [TestCase("李敏 (clerk)", "clerk")]
    [TestCase("fire-reviewer", "fire-reviewer")]
    [TestCase("市场监管局负责人 (samr-head)", "samr-head")]
    [TestCase("system", null)]
    public void A_person_is_evaluated_by_account_whether_named_as_an_actor_or_a_holder(string actor, string? account)
    {
        Assert.That(StaffNames.AccountOf(actor), Is.EqualTo(account));
    }
}
