using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>
/// Every step decides who may take it on the case it loaded itself: role × department × holder, against the steps
/// (not the endpoints). A case the actor may not see is not found; a step they may not take is refused; a task someone
/// else holds is not theirs to act on. A refused step saves nothing.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class StepAccessTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    private const string OwnerId = "11010519491231002X";

    private enum Outcome { Done, NotFound, Refused, NotNow }

    // The enterprise registration is reviewed by six departments, samr leading; police has no part in it.
    private static readonly string[] Reviewing = ["samr", "tax", "eco", "fire", "health", "hrss"];

    private static readonly Actor Clerk = Actor.Clerk("clerk", "w01");
    private static readonly Actor Owner = Actor.Applicant("张三", OwnerId);
    private static readonly Actor Stranger = Actor.Applicant("李四", "110105194912310021");
    private static readonly Actor FireHolder = Actor.Reviewer("fire-reviewer", "fire");
    private static readonly Actor FireColleague = Actor.Reviewer("fire-reviewer-2", "fire");
    private static readonly Actor FireHead = Actor.Head("fire-head", "fire");
    private static readonly Actor TaxReviewer = Actor.Reviewer("tax-reviewer", "tax");
    private static readonly Actor SamrReviewer = Actor.Reviewer("samr-reviewer", "samr");
    private static readonly Actor SamrHead = Actor.Head("samr-head", "samr");
    private static readonly Actor PoliceReviewer = Actor.Reviewer("police-reviewer", "police");
    private static readonly Actor Supervisor = new("supervisor", "supervisor", Role.Supervisor);
    private static readonly Actor Administrator = Actor.Administrator("admin");

    private static readonly Actor[] Everyone =
        [Clerk, Owner, Stranger, FireHolder, FireColleague, FireHead, TaxReviewer, SamrReviewer, SamrHead, PoliceReviewer, Supervisor, Administrator];

    private static readonly Actor[] FireStaff = [FireHolder, FireColleague, FireHead];

    [Test]
    public Task Only_a_window_clerk_accepts() =>
        CheckAsync(SubmittedAsync, (id, a) => Services.Window.AcceptAsync(id, a), seenBy: ["samr"], allowed: [Clerk]);

    [Test]
    public Task Only_a_window_clerk_refuses() =>
        CheckAsync(SubmittedAsync, (id, a) => Services.Window.RefuseAsync(id, a, "申请材料不齐全且不属于本机关职权范围"), seenBy: ["samr"], allowed: [Clerk]);

    [Test]
    public Task Only_a_window_clerk_asks_for_supplements() =>
        CheckAsync(SubmittedAsync, async (id, a) => (await Services.Window.RequestSupplementAsync(id, a, ["章程"])).Case, seenBy: ["samr"], allowed: [Clerk]);

    [Test]
    public Task Only_a_window_clerk_receives_promised_materials() =>
        CheckAsync(PromisedAsync, (id, a) => Services.Window.ReceivePromisedMaterialsAsync(id, a, ["premises"]), seenBy: ["samr"], allowed: [Clerk]);

    [Test]
    public Task Only_a_window_clerk_hands_out_the_result() =>
        CheckAsync(DecidedAsync, (id, a) => Services.Window.DeliverAsync(id, a), seenBy: Reviewing, allowed: [Clerk]);

    [Test]
    public Task A_task_held_by_a_reviewer_is_claimed_by_no_one_else_and_by_no_other_department() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.ClaimAsync(id, TaskOf(id, "fire"), a), seenBy: Reviewing,
            allowed: [FireHolder], notNow: [FireColleague, FireHead]);

    [Test]
    public Task Only_the_holder_releases_a_task() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.ReleaseAsync(id, TaskOf(id, "fire"), a), seenBy: Reviewing,
            allowed: [FireHolder], notNow: [FireColleague, FireHead]);

    [Test]
    public Task Only_the_holder_delegates_a_task() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.DelegateAsync(id, TaskOf(id, "fire"), a, "fire-reviewer-3"), seenBy: Reviewing,
            allowed: [FireHolder], notNow: [FireColleague, FireHead]);

    [Test]
    public Task Only_the_delegating_reviewer_takes_a_task_back() =>
        CheckAsync(DelegatedAsync, (id, a) => Services.Departments.TakeBackAsync(id, TaskOf(id, "fire"), a), seenBy: Reviewing,
            allowed: [FireHolder], notNow: [FireColleague, FireHead]);

    [Test]
    public Task Only_the_head_of_the_tasks_department_reassigns_it() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.ReassignAsync(id, TaskOf(id, "fire"), a, "fire-reviewer-2", "审查员出差"), seenBy: Reviewing,
            allowed: [FireHead]);

    [Test]
    public Task Only_the_holder_gives_the_departments_opinion_on_a_held_task() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.GiveOpinionAsync(id, TaskOf(id, "fire"), a, Verdict.Approve, null), seenBy: Reviewing,
            allowed: [FireHolder], notNow: [FireColleague, FireHead]);

    [Test]
    public Task Any_department_reviewing_the_case_stops_its_clock() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.SuspendClockAsync(id, a, "组织专家评审", 5), seenBy: Reviewing,
            allowed: [FireHolder, FireColleague, FireHead, TaxReviewer, SamrReviewer, SamrHead]);

    [Test]
    public Task Only_the_department_that_stopped_the_clock_restarts_it_not_the_lead_nor_another_reviewer() =>
        CheckAsync(SuspendedByFireAsync, (id, a) => Services.Departments.ResumeClockAsync(id, a), seenBy: Reviewing, allowed: FireStaff);

    [Test]
    public Task Only_the_lead_departments_head_extends() =>
        CheckAsync(HeldAsync, (id, a) => Services.Departments.ExtendAsync(id, a, "需组织现场核查"), seenBy: Reviewing, allowed: [SamrHead]);

    [Test]
    public Task Only_the_lead_departments_head_decides() =>
        CheckAsync(ReviewedAsync, (id, a) => Services.Departments.DecideAsync(id, a, null, null), seenBy: Reviewing, allowed: [SamrHead]);

    [Test]
    public Task Only_the_applicant_supplements_their_application() =>
        CheckAsync(SupplementRequestedAsync, (id, a) => Services.Applicants.SupplementAsync(id, a, null), seenBy: ["samr"], allowed: [Owner]);

    [Test]
    public Task Only_the_applicant_withdraws_their_application() =>
        CheckAsync(HeldAsync, (id, a) => Services.Applicants.WithdrawAsync(id, a, "不再需要"), seenBy: Reviewing, allowed: [Owner]);

    [Test]
    public Task Only_the_applicant_rates_the_service() =>
        CheckAsync(DeliveredAsync, (id, a) => Services.Applicants.RateAsync(id, a, Satisfaction.VerySatisfied, null), seenBy: Reviewing, allowed: [Owner]);

    [Test]
    public Task Only_an_administrator_reopens_a_review() =>
        CheckAsync(DecidedAsync, (id, a) => Services.Corrections.ReopenTaskAsync(id, TaskOf(id, "fire"), a, "录入错误"), seenBy: Reviewing, allowed: [Administrator]);

    [Test]
    public Task Only_an_administrator_withdraws_a_decision() =>
        CheckAsync(DecidedAsync, (id, a) => Services.Corrections.ReopenDecisionAsync(id, a, "误判"), seenBy: Reviewing, allowed: [Administrator]);

    /// <summary>
    /// Runs the step as everyone: each actor not allowed first (on the same case, which must stay as it was), then the
    /// first allowed one, which must succeed. Who sees the case: the window, supervisors and administrators always, the
    /// applicant their own, a department when it leads or reviews it.
    /// </summary>
    private async Task CheckAsync(Func<Task<string>> arrange, Func<string, Actor, Task<Case>> step, string[] seenBy, Actor[] allowed, Actor[]? notNow = null)
    {
        var id = await arrange();
        var before = (await Services.LoadAsync(id)).Timeline.Count;
        var outcomes = new Dictionary<string, Outcome>();
        var expected = new Dictionary<string, Outcome>();
        foreach (var actor in Everyone.Except(allowed))
        {
            expected[actor.UserName] = notNow?.Contains(actor) == true ? Outcome.NotNow : Sees(actor, seenBy) ? Outcome.Refused : Outcome.NotFound;
            outcomes[actor.UserName] = await OutcomeOfAsync(() => step(id, actor));
        }
        Assert.That(outcomes, Is.EquivalentTo(expected));
        Assert.That((await Services.LoadAsync(id)).Timeline, Has.Count.EqualTo(before), "a refused step saves nothing");
        Assert.That(await OutcomeOfAsync(() => step(id, allowed[0])), Is.EqualTo(Outcome.Done));
    }

    private static bool Sees(Actor actor, string[] seenBy) => actor.Role switch
    {
        Role.Applicant => actor.ApplicantIdNumber == OwnerId,
        Role.DepartmentReviewer or Role.DepartmentHead => seenBy.Contains(actor.DepartmentCode),
        _ => true,
    };

    private static async Task<Outcome> OutcomeOfAsync(Func<Task<Case>> step)
    {
        try
        {
            await step();
            return Outcome.Done;
        }
        catch (CaseNotFoundException)
        {
            return Outcome.NotFound;
        }
        catch (CaseAccessDeniedException)
        {
            return Outcome.Refused;
        }
        catch (CaseRuleException)
        {
            return Outcome.NotNow;
        }
    }

    private readonly Dictionary<string, Case> _arranged = [];

    private string TaskOf(string caseId, string department) => _arranged[caseId].Tasks.Last(t => t.DepartmentCode == department).Id;

    private async Task<string> Keep(Case @case)
    {
        _arranged[@case.Id] = await Services.LoadAsync(@case.Id);
        return @case.Id;
    }

    private async Task<string> SubmittedAsync() =>
        await Keep((await Services.Intake.SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, OwnerId, "张三"),
            new JsonObject { ["companyName"] = "庚公司", ["registeredCapital"] = 1, ["businessScope"] = "咨询", ["address"] = "云城区", ["legalRepresentativeId"] = OwnerId }),
            "applicant-1", null)).Case);

    private async Task<string> SupplementRequestedAsync()
    {
        var id = await SubmittedAsync();
        return await Keep((await Services.Window.RequestSupplementAsync(id, Clerk, ["章程"])).Case);
    }

    private async Task<string> HeldAsync()
    {
        var id = await SubmittedAsync();
        var accepted = await Services.Window.AcceptAsync(id, Clerk);
        return await Keep(await Services.Departments.ClaimAsync(id, accepted.Tasks.Single(t => t.DepartmentCode == "fire").Id, FireHolder));
    }

    private async Task<string> DelegatedAsync()
    {
        var id = await HeldAsync();
        return await Keep(await Services.Departments.DelegateAsync(id, TaskOf(id, "fire"), FireHolder, FireColleague.UserName));
    }

    private async Task<string> SuspendedByFireAsync()
    {
        var id = await HeldAsync();
        return await Keep(await Services.Departments.SuspendClockAsync(id, FireHolder, "消防设计需组织专家评审", 5));
    }

    private async Task<string> ReviewedAsync()
    {
        var id = await HeldAsync();
        foreach (var task in _arranged[id].Tasks)
            await Services.Departments.GiveOpinionAsync(id, task.Id, task.DepartmentCode == "fire" ? FireHolder : Actor.Reviewer($"{task.DepartmentCode}-reviewer", task.DepartmentCode),
                Verdict.Approve, null);
        return await Keep(await Services.LoadAsync(id));
    }

    private async Task<string> DecidedAsync()
    {
        var id = await ReviewedAsync();
        return await Keep(await Services.Departments.DecideAsync(id, SamrHead, null, null));
    }

    private async Task<string> DeliveredAsync()
    {
        var id = await DecidedAsync();
        return await Keep(await Services.Window.DeliverAsync(id, Clerk));
    }

    private async Task<string> PromisedAsync()
    {
        var application = new Application(DemoCatalog.IndividualBusiness.Code, new Applicant(ApplicantKind.Person, OwnerId, "张三"),
            new JsonObject { ["businessName"] = "张三便利店", ["operatorId"] = OwnerId, ["businessScope"] = "日用百货零售", ["address"] = "云安区六都镇" });
        var id = (await Services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        return await Keep(await Services.Window.AcceptWithMissingMaterialsAsync(id, Clerk, ["premises"], new DateOnly(2026, 11, 24)));
    }
}
