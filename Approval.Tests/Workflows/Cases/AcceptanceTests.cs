using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>The window answers an application within 5 working days (Art. 32), telling every missing material at once.</summary>
public class AcceptanceTests
{
    // Received Tuesday 2026-11-24 10:00; the 5th working day after is Tuesday 2026-12-01, closing 17:30.
    private static ACase Received() => ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");

    [Test]
    public void Accepting_starts_the_promised_limit_from_the_acceptance()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Accept("clerk", a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(a.Case.AcceptedAt, Is.EqualTo(ACase.Beijing("2026-11-25T09:00:00")));
        Assert.That(a.Case.DueAt, Is.EqualTo(ACase.Beijing("2026-12-09T17:30:00")), "10 working days after 11-25");
        Assert.That(a.Case.Violations, Is.Empty);
    }

    [Test]
    public void Supplement_requested_within_five_working_days_tells_every_missing_material()
    {
        var a = Received().At("2026-12-01T17:00:00");
        var outcome = a.Case.RequestSupplement("clerk", ["营业场所证明", "健康证明"], a.Clock);
        Assert.That(outcome, Is.EqualTo(SupplementOutcome.Requested));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.SupplementRequested));
        Assert.That(a.Case.Timeline[^1].Detail, Is.EqualTo("营业场所证明、健康证明"));
    }

    [Test]
    public void Supplement_requested_after_five_working_days_counts_as_accepted()
    {
        var a = Received().At("2026-12-02T09:00:00");
        var outcome = a.Case.RequestSupplement("clerk", ["营业场所证明"], a.Clock);
        Assert.That(outcome, Is.EqualTo(SupplementOutcome.DeemedAccepted));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(a.Case.DeemedAccepted, Is.True);
        Assert.That(a.Case.AcceptedAt, Is.EqualTo(ACase.Beijing("2026-11-24T10:00:00")), "accepted on the day it was received");
        Assert.That(a.Case.Violations.Single().Kind, Is.EqualTo(ViolationKind.LateAcceptance));
    }

    [Test]
    public void Second_supplement_request_on_the_same_application_is_refused_and_recorded_as_a_violation()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.RequestSupplement("clerk", ["营业场所证明"], a.Clock);

        var again = a.Case.RequestSupplement("clerk", ["健康证明"], a.Clock);
        Assert.That(again, Is.EqualTo(SupplementOutcome.RefusedAsRepeated));
        Assert.That(a.Case.SupplementRequests, Has.Count.EqualTo(1), "the second request was not made");
        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.RepeatedSupplementRequest));
        Assert.That(violation.Person, Is.EqualTo("clerk"));
    }

    [Test]
    public void A_changed_application_may_be_asked_for_supplements_again()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.RequestSupplement("clerk", ["营业场所证明"], a.Clock);
        a.Case.Supplement("applicant", null, a.Clock);
        Assert.That(a.Case.RequestSupplement("clerk", ["健康证明"], a.Clock), Is.EqualTo(SupplementOutcome.Requested));
        Assert.That(a.Case.Violations, Is.Empty);
    }

    [Test]
    public void No_answer_within_five_working_days_counts_as_accepted_on_the_day_received()
    {
        var a = Received().At("2026-12-01T17:29:00");
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.False);
        a.At("2026-12-01T17:30:00");
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.True);
        Assert.That(a.Case.AcceptedAt, Is.EqualTo(ACase.Beijing("2026-11-24T10:00:00")));
        Assert.That(a.Case.DueAt, Is.EqualTo(ACase.Beijing("2026-12-08T17:30:00")));
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.False, "it happens once");
    }

    [Test]
    public void A_refusal_needs_its_reason_and_tells_the_appeal_rights()
    {
        var a = Received();
        Assert.Throws<CaseRuleException>(() => a.Case.Refuse("clerk", "", a.Clock));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Submitted), "nothing changed");
        a.Case.Refuse("clerk", "不属于本机关职权范围", a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Refused));
        Assert.That(a.Case.Timeline[^1].Detail, Does.Contain("行政复议"));
    }
}
