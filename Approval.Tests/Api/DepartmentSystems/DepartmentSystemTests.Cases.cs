using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;
using Approval.Tests.Engine;

namespace Approval.Tests.Api.DepartmentSystems;

/// <summary>
/// Departments take part in a case's process with their own systems and procedures: a department system's callback
/// answers a case's process through the case (its timeline says which system answered), and a department's own review
/// procedure, called as a sub-workflow, gives its reviewer case tasks and waits for its system's answer, all through the
/// case, until its end carries the case to its decision.
/// </summary>
public partial class DepartmentSystemTests
{
    private static object IndividualBusiness => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { businessName = "云城区张三小吃店", operatorId = "11010519491231002X", businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    [Test]
    public async Task A_department_systems_callback_moves_a_cases_process_through_the_case_once_and_the_timeline_names_the_system()
    {
        await PublishIndividualBusinessAsync(Flow.Activity("callback", "Elsa.HttpEndpoint", ("path", "/fire-review")));
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var head = await Factory.CreateClientAsync("samr-head");
        var (id, _, _) = await clerk.SubmitAsync(IndividualBusiness);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" }))["code"], Is.EqualTo("ProcessNotWaiting"),
            "the process waits for the department's system before the decision");

        var secret = await Admin.IssueClientAsync("samr-registry", "市场监管局登记系统", "samr");
        using var system = await Factory.CreateMachineClientAsync("samr-registry", secret);
        var url = $"/api/workflow-callbacks/fire-review?instanceId={id}";
        var answered = await system.PostJsonAsync(url, new { passed = true });
        Assert.That(answered.Status, Is.EqualTo(HttpStatusCode.OK), answered.Text);
        var again = await system.PostJsonAsync(url, new { passed = true });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        Assert.That(again["detail"], Does.Contain("already given"));

        var timeline = await clerk.GetJsonAsync($"/api/cases/{id}/timeline");
        var line = timeline.Body!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "DepartmentSystemAnswered")!;
        Assert.That(line["actor"]!.GetValue<string>(), Does.Contain("samr-registry"));
        Assert.That(line["detail"]!.GetValue<string>(), Is.EqualTo("fire-review"));

        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided["status"], Is.EqualTo("Decided"));
    }

    [Test]
    public async Task A_departments_own_review_procedure_run_as_a_sub_workflow_gives_its_reviewer_case_tasks_and_its_end_lets_the_case_be_decided()
    {
        await PublishFireProcedureAsync();
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(IndividualBusiness);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted.Departments(), Is.EquivalentTo(new[] { "samr", "fire" }), "the fire brigade's task comes from its own procedure");
        var child = await ChildOfAsync(id);
        Assert.That((await InstanceAsync(child))["definitionId"]!.GetValue<string>(), Is.EqualTo("fire-own-review"));

        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        using var head = await Factory.CreateClientAsync("samr-head");
        await OpinionAsync(samr, id);
        await OpinionAsync(fire, id);
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}")).Departments(), Is.Empty, "the procedure waits for the brigade's own system");
        var cancel = await Admin.PostJsonAsync($"/api/workflow-instances/{child}/cancel");
        Assert.That(cancel.Status, Is.EqualTo(HttpStatusCode.Conflict), "the procedure moves only through the case's steps, as its process does");
        Assert.That(cancel["caseId"], Is.EqualTo(id));

        // The brigade's system answers the procedure (a signed call), through the case.
        using var anonymous = Factory.CreateClient();
        var answered = await SignedAsync(anonymous, child, "{\"passed\":true}", Factory.Clock.GetUtcNow().ToUnixTimeSeconds(), CallbackSecret);
        Assert.That(answered.Status, Is.EqualTo(HttpStatusCode.OK), answered.Text);
        var signing = await clerk.GetJsonAsync($"/api/cases/{id}");
        Assert.That(signing.Departments(), Is.EqualTo(new[] { "fire" }), "the procedure's last step is the brigade's next task");
        var timeline = await clerk.GetJsonAsync($"/api/cases/{id}/timeline");
        Assert.That(timeline.Body!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "DepartmentSystemAnswered")!["actor"]!.GetValue<string>(),
            Is.EqualTo("samr system (signed call)"));
        Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" }))["code"], Is.EqualTo("ProcessNotWaiting"),
            "the join waits for the procedure's end");
        await OpinionAsync(fire, id, "ApproveWithConditions", "开业前完成灭火器配置并报消防救援支队复查");

        Assert.That((await InstanceAsync(child))["status"]!.GetValue<string>(), Is.EqualTo("Finished"));
        // The brigade's opinion, given inside its procedure, is part of the decision's floor like any department's.
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided["status"], Is.EqualTo("Decided"));
        var decision = decided.Body!["decision"]!;
        Assert.That(decision["verdict"]!.GetValue<string>(), Is.EqualTo("ApproveWithConditions"));
        Assert.That(decision["reasons"]!.AsArray().Select(r => (r!["departmentCode"]!.GetValue<string>(), r["reason"]?.GetValue<string>())),
            Has.Member(("fire", "开业前完成灭火器配置并报消防救援支队复查")));
    }

    [Test]
    public async Task A_case_withdrawn_while_a_departments_procedure_runs_cancels_the_procedure_with_the_cases_process()
    {
        await PublishFireProcedureAsync();
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(IndividualBusiness);
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var child = await ChildOfAsync(id);

        var withdrawn = await applicant.PostJsonAsync($"/api/cases/{id}/withdraw", new { reason = "不再经营" });
        Assert.That(withdrawn.Status, Is.EqualTo(HttpStatusCode.OK), withdrawn.Text);
        Assert.That(withdrawn.Departments(), Is.Empty, "no task stays open");
        Assert.That((await InstanceAsync(id))["status"]!.GetValue<string>(), Is.EqualTo("Cancelled"));
        Assert.That((await InstanceAsync(child))["status"]!.GetValue<string>(), Is.EqualTo("Cancelled"));
    }

    private async Task OpinionAsync(HttpClient reviewer, string caseId, string verdict = "Approve", string? reason = null)
    {
        var task = await reviewer.TaskOfAsync(caseId);
        var given = await reviewer.PostJsonAsync($"/api/cases/{caseId}/tasks/{task}/opinion", new { verdict, reason });
        Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
    }

    // The sub-workflow the case's process waits on, by the name of the bookmark it waits at.
    private async Task<string> ChildOfAsync(string caseId)
    {
        var waiting = BookmarkNames(await InstanceAsync(caseId)).Single(n => n.StartsWith("subworkflow:", StringComparison.Ordinal));
        return waiting["subworkflow:".Length..];
    }

    // The fire brigade's own procedure (an inspection, the answer of the brigade's own system, the chief's sign-off), called by
    // GT-DJ-001's process beside the lead department's review; the decision waits for both.
    private async Task PublishFireProcedureAsync()
    {
        var procedure = JsonNode.Parse(Flow.Definition(
            Flow.Activities(Flow.Start(), Review("inspect", "fire", 5), Flow.Activity("records", "Elsa.HttpEndpoint", ("path", "/fire-review")),
                Review("sign", "fire", 2), Flow.End()),
            Flow.Connections(Flow.Connect("start", "inspect"), Flow.Connect("inspect", "records"), Flow.Connect("records", "sign"), Flow.Connect("sign", "end")),
            [new JsonObject { ["id"] = "opinions", ["name"] = "opinions", ["typeName"] = "Object", ["value"] = "{}" }]))!;
        procedure["definitionId"] = "fire-own-review";
        procedure["name"] = "消防救援支队内部审查";
        await PublishAsync(procedure);

        var process = IndividualBusinessProcess();
        var activities = process["root"]!["activities"]!.AsArray();
        activities.Add(Review("review-samr", "samr", 5));
        activities.Add(Flow.Activity("fire", "Elsa.ExecuteWorkflow", ("workflowDefinitionId", "fire-own-review"), ("waitForCompletion", true)));
        activities.Add(Flow.Join("join", "WaitAll"));
        var connections = process["root"]!["connections"]!.AsArray();
        connections.Remove(connections.Single(c => c!["source"]!["activity"]!.GetValue<string>() == "start"));
        foreach (var connection in new[] { Flow.Connect("start", "review-samr"), Flow.Connect("start", "fire"), Flow.Connect("review-samr", "join"),
                     Flow.Connect("fire", "join"), Flow.Connect("join", "decision") })
            connections.Add(connection);
        await PublishAsync(process);
    }

    private static JsonObject Review(string id, string department, int limitDays) =>
        Flow.Activity(id, "Approval.DepartmentReview", ("department", department), ("limitDays", limitDays));

    // GT-DJ-001's process of workflows/ with one activity between the acceptance and the decision.
    private async Task PublishIndividualBusinessAsync(JsonObject waiting)
    {
        var process = IndividualBusinessProcess();
        process["root"]!["activities"]!.AsArray().Add(waiting);
        var connections = process["root"]!["connections"]!.AsArray();
        connections.Remove(connections.Single(c => c!["source"]!["activity"]!.GetValue<string>() == "start"));
        connections.Add(Flow.Connect("start", waiting["id"]!.GetValue<string>()));
        connections.Add(Flow.Connect(waiting["id"]!.GetValue<string>(), "decision"));
        await PublishAsync(process);
    }

    private static JsonObject IndividualBusinessProcess() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", "individual-business.json")))!.AsObject();

    private async Task PublishAsync(JsonNode definition)
    {
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(new Uri("/api/workflow-definitions?publish=true", UriKind.Relative), content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
