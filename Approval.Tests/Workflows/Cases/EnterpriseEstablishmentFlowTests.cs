using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>
/// 企业设立登记 end to end through the domain's services on a real database: submitted once, accepted, six departments
/// review in parallel (one stops the clock for an expert review), the lead decides, the window delivers.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class EnterpriseEstablishmentFlowTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    private static Application AnApplication() => new(DemoCatalog.EnterpriseEstablishment.Code,
        new Applicant(ApplicantKind.Person, "11010519491231002X", "张三", "13800000000"),
        new JsonObject
        {
            ["companyName"] = "云浮市张三科技有限公司",
            ["registeredCapital"] = 100,
            ["businessScope"] = "软件开发；信息技术咨询服务",
            ["address"] = "云浮市云城区建设北路1号",
            ["legalRepresentativeId"] = "11010519491231002X",
        });

    [Test]
    public async Task A_retried_submission_with_the_same_idempotency_key_creates_one_case()
    {
        var first = await Services.Intake.SubmitAsync(AnApplication(), "applicant-1", "key-1");
        var retry = await Services.Intake.SubmitAsync(AnApplication(), "applicant-1", "key-1");
        Assert.That(first.Created, Is.True);
        Assert.That(retry.Created, Is.False);
        Assert.That(retry.Case.Id, Is.EqualTo(first.Case.Id));
        await using var db = await Services.Database.OpenAsync();
        Assert.That(await db.Cases.CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_invalid_application_is_refused_field_by_field_and_nothing_is_saved()
    {
        var bad = AnApplication() with { Applicant = new Applicant(ApplicantKind.Person, "110105194912310021", "") };
        var error = Assert.ThrowsAsync<ApplicationInvalidException>(() => Services.Intake.SubmitAsync(bad, "applicant-1", null));
        Assert.That(error!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "applicant.name", "applicant.idNumber" }));
        await using var db = await Services.Database.OpenAsync();
        Assert.That(await db.Cases.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Six_departments_review_in_parallel_one_stops_the_clock_and_the_lead_refuses_with_every_reason()
    {
        var id = (await Services.Intake.SubmitAsync(AnApplication(), "applicant-1", "key-1")).Case.Id;

        Services.At("2026-11-24T14:00:00");
        var accepted = await Services.Window.AcceptAsync(id, Actor.Clerk("窗口-李娜"));
        Assert.That(accepted.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(accepted.DueAt, Is.EqualTo(ACase.Beijing("2026-12-15T17:30:00")), "15 working days after 11-24");
        Assert.That(accepted.Tasks.Select(t => t.DepartmentCode), Is.EquivalentTo(new[] { "samr", "tax", "eco", "fire", "health", "hrss" }));
        Assert.That(accepted.Tasks.Select(t => t.DueAt).Distinct().Single(), Is.EqualTo(ACase.Beijing("2026-12-01T17:30:00")));

        // The fire brigade asks for an expert review: the case's clock stops for two working days.
        Services.At("2026-11-25T09:00:00");
        var suspended = await Services.Departments.SuspendClockAsync(id, Actor.Reviewer("消防-王强", "fire"), "消防设计需组织专家评审", 2);
        Assert.That(suspended.Status, Is.EqualTo(CaseStatus.Suspended));
        Assert.That(suspended.DueAt, Is.Null);

        foreach (var department in new[] { "samr", "tax", "eco", "health", "hrss" })
        {
            var task = suspended.Tasks.Single(t => t.DepartmentCode == department);
            var verdict = department == "eco" ? Verdict.ApproveWithConditions : Verdict.Approve;
            await Services.Departments.GiveOpinionAsync(id, task.Id, Actor.Reviewer($"{department}-审查员", department), verdict, department == "eco" ? "须安装油烟净化设施" : null);
        }

        Services.At("2026-11-27T09:00:00");
        var resumed = await Services.Departments.ResumeClockAsync(id, Actor.Reviewer("消防-王强", "fire"));
        Assert.That(resumed.DueAt, Is.EqualTo(ACase.Beijing("2026-12-17T17:30:00")), "11-25 and 11-26 were suspended");

        var fireTask = resumed.Tasks.Single(t => t.DepartmentCode == "fire");
        await Services.Departments.GiveOpinionAsync(id, fireTask.Id, Actor.Reviewer("消防-王强", "fire"), Verdict.Refuse, "疏散通道宽度不足");

        var decided = await Services.Departments.DecideAsync(id, Actor.Head("市场监管局-负责人", "samr"), null, null);
        Assert.That(decided.Status, Is.EqualTo(CaseStatus.Decided));
        Assert.That(decided.Decision!.Verdict, Is.EqualTo(Verdict.Refuse));
        Assert.That(decided.Decision.Reasons.Select(r => r.Reason), Is.EqualTo(new[] { "疏散通道宽度不足", "须安装油烟净化设施" }));

        var delivered = await Services.Window.DeliverAsync(id, Actor.Clerk("窗口-李娜"));
        Assert.That(delivered.Status, Is.EqualTo(CaseStatus.Delivered));

        var saved = await Services.LoadAsync(id);
        Assert.That(saved.Timeline.Select(e => e.Action), Is.SupersetOf(new[]
        {
            CaseAction.Submitted, CaseAction.Accepted, CaseAction.TaskOpened, CaseAction.ClockSuspended, CaseAction.OpinionGiven,
            CaseAction.ClockResumed, CaseAction.Decided, CaseAction.Delivered,
        }));
        var instance = await Services.Runtime.FindAsync(saved.WorkflowInstanceId!);
        Assert.That(instance!.Status, Is.EqualTo(Approval.Engine.Runtime.WorkflowStatus.Finished));
        await using var db = await Services.Database.OpenAsync();
        Assert.That(await db.CaseEvents.CountAsync(e => e.CaseId == id), Is.EqualTo(saved.Timeline.Count), "every timeline line is a row");
        Assert.That(await db.CaseTasks.CountAsync(t => t.CaseId == id && t.Status == "Completed"), Is.EqualTo(6));
    }

    [Test]
    public async Task Two_clerks_accepting_one_case_at_once_one_wins_and_the_other_is_told_why()
    {
        var id = (await Services.Intake.SubmitAsync(AnApplication(), "applicant-1", null)).Case.Id;
        var first = Services.Window.AcceptAsync(id, Actor.Clerk("clerk-a"));
        var second = Services.Window.AcceptAsync(id, Actor.Clerk("clerk-b"));
        var outcomes = await Task.WhenAll(Settle(first), Settle(second));
        Assert.That(outcomes.Count(o => o is null), Is.EqualTo(1), "exactly one acceptance commits");
        Assert.That(outcomes.Single(o => o is not null), Is.InstanceOf<CaseConflictException>().Or.InstanceOf<CaseRuleException>());
        var saved = await Services.LoadAsync(id);
        Assert.That(saved.Timeline.Count(e => e.Action == CaseAction.Accepted), Is.EqualTo(1));
        Assert.That(saved.Tasks, Has.Count.EqualTo(6), "one process, one set of tasks");
    }

    private static async Task<Exception?> Settle(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex) when (ex is CaseConflictException or CaseRuleException)
        {
            return ex;
        }
    }
}

/// <summary>Art. 32 applied by the deadline sweep, on a real database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class AcceptanceDeadlineTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task An_application_left_unanswered_for_five_working_days_is_accepted_by_the_sweep_and_its_reviews_open()
    {
        var services = Services;
        var application = new Application(DemoCatalog.FoodBusinessLicense.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["shopName"] = "张三小吃", ["businessType"] = "餐饮服务", ["operatorId"] = "11010519491231002X", ["address"] = "云城区1号" });
        var id = (await services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        var sweep = services.Sweep;

        services.At("2026-12-01T17:29:00");
        Assert.That(await sweep.SweepAsync(), Is.Zero, "the window still has a minute");
        services.At("2026-12-01T17:30:00");
        Assert.That(await sweep.SweepAsync(), Is.EqualTo(1));
        Assert.That(await sweep.SweepAsync(), Is.Zero, "once");

        var saved = await services.LoadAsync(id);
        Assert.That(saved.Status, Is.EqualTo(CaseStatus.Suspended), "the food licence's process starts with the on-site inspection, which stops the clock");
        Assert.That(saved.DeemedAccepted, Is.True);
        Assert.That(saved.AcceptedAt, Is.EqualTo(ACase.Beijing("2026-11-24T10:00:00")));
        Assert.That(saved.Violations.Single().Kind, Is.EqualTo(ViolationKind.AcceptedBySilence), "the window said nothing");
    }
}

/// <summary>纠错 on a real database: a wrong review is reopened after the lead decided; a wrong decision is withdrawn.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CorrectionFlowTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task A_wrong_review_is_reopened_after_the_decision_and_the_lead_decides_again_on_the_new_opinion()
    {
        var services = Services;
        var application = new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["companyName"] = "丁公司", ["registeredCapital"] = 1, ["businessScope"] = "咨询", ["address"] = "新兴县", ["legalRepresentativeId"] = "11010519491231002X" });
        var id = (await services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        var accepted = await services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        foreach (var task in accepted.Tasks)
        {
            var verdict = task.DepartmentCode == "fire" ? Verdict.Refuse : Verdict.Approve;
            await services.Departments.GiveOpinionAsync(id, task.Id, Actor.Reviewer("r", task.DepartmentCode), verdict, verdict == Verdict.Refuse ? "误判：通道宽度足够" : null);
        }
        var decided = await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), null, null);
        Assert.That(decided.Decision!.Verdict, Is.EqualTo(Verdict.Refuse));

        var fireTask = decided.Tasks.Single(t => t.DepartmentCode == "fire");
        var reopened = await services.Corrections.ReopenTaskAsync(id, fireTask.Id, Actor.Administrator("admin"), "消防意见录入错误");
        Assert.That(reopened.Status, Is.EqualTo(CaseStatus.InReview));
        Assert.That(reopened.Decision, Is.Null);
        Assert.That(reopened.Tasks.Single(t => t.Id == fireTask.Id).Status, Is.EqualTo(Approval.Workflows.Cases.TaskStatus.Superseded));
        var newFireTask = reopened.Tasks.Single(t => t.DepartmentCode == "fire" && t.IsOpen);

        await services.Departments.GiveOpinionAsync(id, newFireTask.Id, Actor.Reviewer("r", "fire"), Verdict.Approve, null);
        var redecided = await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), null, null);
        Assert.That(redecided.Decision!.Verdict, Is.EqualTo(Verdict.Approve));
        Assert.That(redecided.Timeline.Count(e => e.Action == CaseAction.Corrected), Is.EqualTo(1));
        Assert.That(redecided.Timeline.Count(e => e.Action == CaseAction.Decided), Is.EqualTo(2), "the first decision stays on record");
    }

    [Test]
    public async Task A_wrong_decision_is_withdrawn_before_delivery()
    {
        var services = Services;
        var application = new Application(DemoCatalog.IndividualBusiness.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["operatorId"] = "11010519491231002X", ["businessScope"] = "小吃", ["address"] = "云城区" });
        var id = (await services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        await services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), Verdict.Refuse, "名称重复");
        var withdrawn = await services.Corrections.ReopenDecisionAsync(id, Actor.Administrator("admin"), "名称未重复，误判");
        Assert.That(withdrawn.Status, Is.EqualTo(CaseStatus.InReview));
        var decided = await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), Verdict.Approve, null);
        Assert.That(decided.Decision!.Verdict, Is.EqualTo(Verdict.Approve));
    }
}

/// <summary>退回补正 during review: the applicant supplements, the clock stops meanwhile, every department reviews again.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ReturnForSupplementTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task A_case_returned_for_supplements_is_reviewed_again_by_every_department_once_the_applicant_supplements()
    {
        var services = Services;
        var application = new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["companyName"] = "己公司", ["registeredCapital"] = 1, ["businessScope"] = "餐饮", ["address"] = "云城区", ["legalRepresentativeId"] = "11010519491231002X" });
        var id = (await services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        var accepted = await services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        foreach (var task in accepted.Tasks)
        {
            var returned = task.DepartmentCode == "eco";
            await services.Departments.GiveOpinionAsync(id, task.Id, Actor.Reviewer("r", task.DepartmentCode), returned ? Verdict.ReturnForSupplement : Verdict.Approve, returned ? "缺环境影响登记表" : null);
        }

        services.At("2026-11-26T10:00:00");
        var sentBack = await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), null, null);
        Assert.That(sentBack.Status, Is.EqualTo(CaseStatus.SupplementRequested));
        Assert.That(sentBack.DueAt, Is.Null, "the clock stops while the applicant supplements");
        Assert.That(sentBack.SupplementRequests[^1].MissingMaterials, Is.EqualTo(new[] { "eco: 缺环境影响登记表" }));

        services.At("2026-11-30T10:00:00");
        var supplemented = await services.Applicants.SupplementAsync(id, Actor.Applicant("applicant-1", "11010519491231002X"), null);
        Assert.That(supplemented.Status, Is.EqualTo(CaseStatus.InReview));
        var secondRound = supplemented.Tasks.Where(t => t.IsOpen).ToList();
        Assert.That(secondRound.Select(t => t.DepartmentCode), Is.EquivalentTo(new[] { "samr", "tax", "eco", "fire", "health", "hrss" }));
        Assert.That(supplemented.DueAt, Is.EqualTo(ACase.Beijing("2026-12-17T17:30:00")), "11-26 and 11-27 did not count");

        foreach (var task in secondRound)
            await services.Departments.GiveOpinionAsync(id, task.Id, Actor.Reviewer("r", task.DepartmentCode), Verdict.Approve, null);
        var decided = await services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), null, null);
        Assert.That(decided.Decision!.Verdict, Is.EqualTo(Verdict.Approve));
        var delivered = await services.Window.DeliverAsync(id, Actor.Clerk("clerk"));
        Assert.That(delivered.Status, Is.EqualTo(CaseStatus.Delivered));
    }
}
