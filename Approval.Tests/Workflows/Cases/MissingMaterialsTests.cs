using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>容缺受理: non-key materials may follow under a credit promise, within the promised limit, or the case ends.</summary>
public class MissingMaterialsTests
{
    private static readonly ApprovalItem Item = DemoCatalog.FoodBusinessLicense;

    private static ACase Received() => ACase.ForItem(Item, "2026-11-24T10:00:00");

    private static CreditAssessment NoRecords(ACase a) => new CreditRules().Assess(a.Case.Applicant.IdNumber, [], a.Clock.Now, a.Clock.Due.Hours);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void A_material_the_catalog_allows_to_be_missing_is_accepted_under_a_promise()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), NoRecords(a), a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(a.Case.Promise!.MaterialCodes, Is.EqualTo(new[] { "rules" }));
        Assert.That(a.Case.Timeline[^1].Action, Is.EqualTo(CaseAction.AcceptedWithMissingMaterials));
    }

    [Test]
    public void A_key_material_may_not_be_missing()
    {
        var a = Received();
        var error = Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["licence"], D("2026-12-01"), NoRecords(a), a.Clock));
        Assert.That(error!.Message, Does.Contain("key material"));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Submitted));
    }

    [Test]
    public void The_promised_date_may_not_pass_the_promised_limit()
    {
        var a = Received();
        Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-09"), NoRecords(a), a.Clock));
        Assert.DoesNotThrow(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-08"), NoRecords(a), a.Clock));
    }

    [Test]
    public void An_applicant_on_a_dishonesty_list_is_not_eligible_and_the_refusal_names_the_record()
    {
        var a = Received();
        var debtor = new CreditRecord
        {
            Id = "r1", SubjectId = a.Case.Applicant.IdNumber, SubjectName = a.Case.Applicant.Name, Kind = CreditRecordKind.DishonestJudgmentDebtor,
            SourceDepartmentCode = "samr", DocumentNumber = "（2026）粤5302执123号", Summary = "拒不履行生效判决", EffectiveOn = D("2026-01-05"),
            RecordedAt = a.Clock.Now.AddDays(-30), RecordedBy = "admin",
        };
        var dishonest = new CreditRules().Assess(a.Case.Applicant.IdNumber, [debtor], a.Clock.Now, a.Clock.Due.Hours);
        var error = Assert.Throws<CaseRuleException>(() => a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), dishonest, a.Clock));
        Assert.That(error!.Refusal.Code, Is.EqualTo(Approval.Workflows.Refusals.RefusalCode.CreditStandingExcludesPromise));
        Assert.That(error.Message, Does.Contain("Dishonest").And.Contain("（2026）粤5302执123号"));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Submitted), "nothing happened");
    }

    [Test]
    public void A_broken_promise_is_seen_at_close_of_business_of_the_promised_day_and_the_case_can_be_terminated()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), NoRecords(a), a.Clock);
        a.At("2026-12-01T17:29:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.False);
        a.At("2026-12-01T17:30:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.True);
        a.Case.TerminateForBrokenPromise(a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Terminated));
    }

    [Test]
    public void A_result_is_handed_out_only_once_the_promised_materials_are_in()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), NoRecords(a), a.Clock);
        a.Case.Decide(new CaseDecision(Verdict.Approve, null, [], "head", a.Clock.Now), a.Clock);

        var refused = Assert.Throws<CaseRuleException>(() => a.Case.Deliver("clerk", a.Clock));
        Assert.That(refused!.Message, Does.Contain("容缺"));
        a.Case.ReceivePromisedMaterials("applicant", ["rules"], a.Clock);
        a.Case.Deliver("clerk", a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Delivered));
    }

    [Test]
    public void A_decided_case_whose_promised_materials_never_come_ends_without_its_result()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), NoRecords(a), a.Clock);
        a.Case.Decide(new CaseDecision(Verdict.Approve, null, [], "head", a.Clock.Now), a.Clock);
        Assert.Throws<CaseRuleException>(() => a.Case.TerminateForBrokenPromise(a.Clock), "not due yet");

        a.At("2026-12-01T17:30:00");
        a.Case.TerminateForBrokenPromise(a.Clock);
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.Terminated));
        Assert.That(a.Case.WindowStep, Is.Null, "no result to hand out");
        Assert.That(a.Case.Timeline[^1].Reason, Does.Contain("2026-12-01"));
    }

    [Test]
    public void A_kept_promise_clears_when_every_material_is_in()
    {
        var a = Received();
        a.Case.AcceptWithMissingMaterials("clerk", Item, ["rules"], D("2026-12-01"), NoRecords(a), a.Clock);
        a.Case.ReceivePromisedMaterials("applicant", ["rules"], a.Clock);
        Assert.That(a.Case.Promise, Is.Null);
        a.At("2026-12-02T09:00:00");
        Assert.That(a.Case.PromiseBroken(a.Clock), Is.False);
    }
}

/// <summary>The sweep ends cases whose promised materials never came, on a real database — decided ones too.</summary>
[TestFixture(Approval.Api.Persistence.DatabaseProvider.Sqlite)]
[TestFixture(Approval.Api.Persistence.DatabaseProvider.PostgreSql)]
public class BrokenPromiseSweepTests(Approval.Api.Persistence.DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task A_decided_case_still_owing_its_promised_materials_is_terminated_by_the_sweep_and_the_sweep_goes_on()
    {
        var application = new Application(DemoCatalog.IndividualBusiness.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new System.Text.Json.Nodes.JsonObject { ["businessName"] = "张三便利店", ["operatorId"] = "11010519491231002X", ["businessScope"] = "日用百货零售", ["address"] = "云安区六都镇" });
        var decided = (await Services.Intake.SubmitAsync(application, "applicant-1", "a")).Case.Id;
        var open = (await Services.Intake.SubmitAsync(application, "applicant-1", "b")).Case.Id;
        foreach (var id in new[] { decided, open })
            await Services.Window.AcceptWithMissingMaterialsAsync(id, Actor.Clerk("clerk"), ["premises"], new DateOnly(2026, 11, 24));
        await Services.Departments.DecideAsync(decided, Actor.Head("samr-head", "samr"), Verdict.Approve, null);

        // 即办件: promised for the same day, due by its close of business.
        Services.At("2026-11-24T17:30:00");
        Assert.That(await Services.Sweep.TerminateBrokenPromisesAsync(), Is.EqualTo(2));
        Assert.That((await Services.LoadAsync(decided)).Status, Is.EqualTo(CaseStatus.Terminated));
        Assert.That((await Services.LoadAsync(open)).Status, Is.EqualTo(CaseStatus.Terminated));
        Assert.That(await Services.Sweep.TerminateBrokenPromisesAsync(), Is.Zero, "once");
    }
}
