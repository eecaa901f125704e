using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>The case records the window (窗口) of each window step: who answered the application, who handed out the result.</summary>
public class CaseWindowTests
{
    private static ACase Received() => ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");

    [Test]
    public void The_accepting_window_is_the_clerks_and_each_window_step_says_where_it_was_done()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Accept("李敏 (clerk)", a.Clock, window: "w01");
        a.Case.ChargeFee("李敏 (clerk)", 0, 0, a.Clock, window: "w01");

        Assert.That(a.Case.AcceptingWindowCode, Is.EqualTo("w01"));
        Assert.That(a.Case.DeliveringWindowCode, Is.Null);
        Assert.That(a.Case.Timeline.Where(e => e.Action is CaseAction.Accepted or CaseAction.FeeCharged).Select(e => e.WindowCode), Is.EqualTo(new[] { "w01", "w01" }));
        Assert.That(a.Case.Timeline.Single(e => e.Action == CaseAction.Submitted).WindowCode, Is.Null);
    }

    [Test]
    public void A_late_acceptance_is_a_violation_of_the_window_that_answered_late()
    {
        var a = Received().At("2026-12-02T09:00:00");
        a.Case.Accept("李敏 (clerk)", a.Clock, window: "w02");

        Assert.That(a.Case.AcceptingWindowCode, Is.EqualTo("w02"));
        var late = a.Case.Violations.Single();
        Assert.That((late.Kind, late.WindowCode, late.Person), Is.EqualTo((ViolationKind.LateAcceptance, "w02", "李敏 (clerk)")));
    }

    [Test]
    public void Acceptance_by_law_with_no_answer_is_no_windows()
    {
        var a = Received().At("2026-12-02T09:00:00");
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.True);
        Assert.That(a.Case.AcceptingWindowCode, Is.Null);
        Assert.That(a.Case.Violations.Single().WindowCode, Is.Null, "no window answered: the breach is the lead department's");
    }

    [Test]
    public void A_repeated_supplement_request_and_a_fee_mismatch_are_violations_of_the_window()
    {
        var a = Received().At("2026-11-24T11:00:00");
        a.Case.RequestSupplement("clerk", ["营业场所证明"], a.Clock, window: "w01");
        Assert.That(a.Case.RequestSupplement("clerk", ["健康证明"], a.Clock, window: "w03"), Is.EqualTo(SupplementOutcome.RefusedAsRepeated));
        Assert.That(a.Case.Timeline.Single(e => e.Action == CaseAction.SupplementRequested).WindowCode, Is.EqualTo("w01"));

        a.Case.Supplement("applicant", null, a.Clock);
        a.Case.Accept("clerk", a.Clock, window: "w01");
        a.Case.ChargeFee("clerk", 50, 0, a.Clock, window: "w01");

        Assert.That(a.Case.Violations.Select(v => (v.Kind, v.WindowCode)),
            Is.EqualTo(new[] { (ViolationKind.RepeatedSupplementRequest, "w03"), (ViolationKind.FeeMismatch, "w01") }));
    }

    [Test]
    public void The_refusing_window_is_recorded_as_the_window_that_answered()
    {
        var a = Received().At("2026-11-24T11:00:00");
        a.Case.Refuse("clerk", "不属于本机关职权范围", a.Clock, window: "w04");
        Assert.That(a.Case.AcceptingWindowCode, Is.EqualTo("w04"));
        Assert.That(Case.FromState(a.Case.ToState()).AcceptingWindowCode, Is.EqualTo("w04"), "kept in the case's state");
    }
}
