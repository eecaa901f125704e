using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>
/// A refusal (Art. 38) and a stopped clock (Art. 45) state their reasons. A blank one is refused; a placeholder goes
/// through — the applicant has been told — and supervision records the breach against the person who wrote it.
/// </summary>
public class ReasonViolationTests
{
    private static ACase Received() => ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");

    private static ACase InReviewWithTasks()
    {
        var a = ACase.ForItem(ACase.EnterpriseEstablishment, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        a.Case.OpenTask("t-tax", "tax", "b-tax", 5, a.Clock);
        a.Case.OpenTask("t-fire", "fire", "b-fire", 5, a.Clock);
        return a;
    }

    [TestCase("无")]
    [TestCase(" 同上。")]
    [TestCase("N/A")]
    [TestCase("不符合条件！")]
    [TestCase("1")]
    [TestCase("……")]
    public void A_placeholder_states_no_reason(string reason) =>
        Assert.That(new EmptyReasons().States(reason), Is.False);

    [TestCase("无健康证明")]
    [TestCase("名称重复")]
    [TestCase("经营场所位于禁止经营区域")]
    [TestCase("Fire exits too narrow")]
    public void A_reason_that_says_something_is_stated(string reason) =>
        Assert.That(new EmptyReasons().States(reason), Is.True);

    [Test]
    public void A_window_refusal_whose_reason_says_nothing_is_made_and_recorded_against_the_clerk()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Refuse("clerk-li", "无", a.Clock);

        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Refused), "the applicant was told; the refusal stands");
        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.RefusalWithoutReason));
        Assert.That(violation.Person, Is.EqualTo("clerk-li"));
        Assert.That(violation.DepartmentCode, Is.EqualTo("samr"));
        Assert.That(violation.Evidence, Does.Contain("无"));
    }

    [Test]
    public void A_refusal_with_its_reason_is_no_violation()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Refuse("clerk-li", "不属于本机关职权范围", a.Clock);
        Assert.That(a.Case.Violations, Is.Empty);
    }

    [Test]
    public void A_clock_stopped_with_a_placeholder_reason_is_a_suspension_without_a_stated_reason()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Accept("clerk", a.Clock);
        a.Case.SuspendClock("reviewer-wang", "暂停", 3, a.Clock);

        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Suspended));
        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.SuspensionWithoutReason));
        Assert.That(violation.Person, Is.EqualTo("reviewer-wang"));
    }

    [Test]
    public void A_department_refusing_with_a_placeholder_reason_is_recorded_against_its_reviewer()
    {
        var a = InReviewWithTasks();
        a.Case.CompleteTask("t-fire", new Opinion("fire", Verdict.Refuse, "不同意", "fire-zhao"), a.Clock);

        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.RefusalWithoutReason));
        Assert.That((violation.DepartmentCode, violation.Person), Is.EqualTo(("fire", "fire-zhao")));
    }

    [Test]
    public void A_head_refusing_over_milder_opinions_must_give_a_reason_of_their_own()
    {
        var a = InReviewWithTasks();
        var conditions = new Opinion("tax", Verdict.ApproveWithConditions, "补缴印花税后方可", "tax-qian");
        var decision = new CaseDecision(Verdict.Refuse, null, [conditions], "samr-head", a.Clock.Now);

        Assert.Throws<CaseRuleException>(() => a.Case.Decide(decision, a.Clock), "a condition is not a reason to refuse");
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
    }

    [Test]
    public void A_head_signing_a_refusal_whose_only_reason_is_a_placeholder_is_recorded_against_the_head()
    {
        var a = InReviewWithTasks();
        a.Case.Decide(new CaseDecision(Verdict.Refuse, "不予许可", [], "samr-head", a.Clock.Now), a.Clock);

        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.RefusalWithoutReason));
        Assert.That(violation.Person, Is.EqualTo("samr-head"));
    }

    [Test]
    public void A_refusal_carried_by_a_department_s_stated_reason_is_no_violation_of_the_head()
    {
        var a = InReviewWithTasks();
        var fire = new Opinion("fire", Verdict.Refuse, "疏散通道宽度不足", "fire-zhao");
        a.Case.CompleteTask("t-fire", fire, a.Clock);
        a.Case.Decide(new CaseDecision(Verdict.Refuse, null, [fire], "samr-head", a.Clock.Now), a.Clock);

        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Decided));
        Assert.That(a.Case.Violations, Is.Empty);
    }

    [Test]
    public void Five_working_days_of_silence_are_the_window_s_breach_not_a_clerk_s()
    {
        var a = Received().At("2026-12-01T17:30:00");
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.True);

        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.AcceptedBySilence));
        Assert.That(violation.Person, Is.Null);
    }

    [Test]
    public void A_clerk_answering_after_the_five_days_is_a_late_acceptance_of_that_clerk()
    {
        var a = Received().At("2026-12-02T09:00:00");
        a.Case.Accept("clerk-li", a.Clock);

        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.LateAcceptance));
        Assert.That(violation.Person, Is.EqualTo("clerk-li"));
    }
}
