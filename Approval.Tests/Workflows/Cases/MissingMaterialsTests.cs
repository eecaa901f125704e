using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>容缺受理: non-key materials may follow under a credit promise, within the promised limit, or the case ends.</summary>
public class MissingMaterialsTests
{
    private static readonly ApprovalItem Item = DemoCatalog.FoodBusinessLicense;

    private static ACase Received() => ACase.ForItem(Item, "2026-11-24T10:00:00");

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void A_material_the_catalog_allows_to_be_missing_is_accepted_under_a_promise()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), applicantInGoodStanding: true, a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(a.Case.Promise!.MaterialCodes, Is.EqualTo(new[] { "rules" }));
        Assert.That(a.Case.Timeline[^1].Action, Is.EqualTo(CaseAction.AcceptedWithMissingMaterials));
    }

    [Test]
    public void A_key_material_may_not_be_missing()
    {
        var a = Received();
        var error = Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["licence"], D("2026-12-01"), true, a.Clock));
        Assert.That(error!.Message, Does.Contain("key material"));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Submitted));
    }

    [Test]
    public void The_promised_date_may_not_pass_the_promised_limit()
    {
        var a = Received();
        Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-09"), true, a.Clock));
        Assert.DoesNotThrow(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-08"), true, a.Clock));
    }

    [Test]
    public void An_applicant_with_a_bad_credit_record_is_not_eligible()
    {
        var a = Received();
        var error = Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), false, a.Clock));
        Assert.That(error!.Message, Does.Contain("credit"));
    }

    [Test]
    public void A_broken_promise_is_seen_at_close_of_business_of_the_promised_day_and_the_case_can_be_terminated()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), true, a.Clock);
        a.At("2026-12-01T17:29:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.False);
        a.At("2026-12-01T17:30:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.True);
        a.Case.Terminate("system", "容缺材料未在承诺期限内补齐", a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Terminated));
    }

    [Test]
    public void A_kept_promise_clears_when_every_material_is_in()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), true, a.Clock);
        a.Case.ReceivePromisedMaterials("applicant", ["rules"], a.Clock);
        Assert.That(a.Case.Promise, Is.Null);
        a.At("2026-12-02T09:00:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.False);
    }
}
