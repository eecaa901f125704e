using System.Net;
using Approval.Api.Persistence;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// 个体工商户登记 (GT-DJ-001), an immediate item (即办件, promised limit 0): decided on the spot at acceptance, with no
/// department review; and the window's refusal (不予受理), which states its reason and the appeal rights (Art. 38).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class IndividualBusinessOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static object Application => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new
        {
            businessName = "云城区张三小吃店",
            operatorId = "11010519491231002X",
            businessScope = "小吃服务",
            address = "云浮市云城区兴云西路8号",
        },
    };

    [Test]
    public async Task An_immediate_item_waits_only_for_the_lead_decision_and_is_due_the_day_it_is_accepted()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        Factory.At("2026-11-24T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted["status"], Is.EqualTo("InReview"));
        Assert.That(accepted.Body!["tasks"]!.AsArray(), Is.Empty, "no department reviews an immediate item");
        Assert.That(Instant(accepted.Body["dueAt"]), Is.EqualTo(Beijing("2026-11-24T17:30:00")), "a 0-day limit ends at the close of the day of acceptance");

        using var samrReviewer = await Factory.CreateClientAsync("samr-reviewer");
        var tasks = await samrReviewer.GetJsonAsync("/api/tasks");
        Assert.That(tasks.Body!.AsArray().Select(t => t!["caseId"]!.GetValue<string>()), Does.Not.Contain(id));

        using var samrHead = await Factory.CreateClientAsync("samr-head");
        var decided = await samrHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided["status"], Is.EqualTo("Decided"));
        Assert.That(decided.Body!["decision"]!["verdict"]!.GetValue<string>(), Is.EqualTo("Approve"));
        Assert.That(decided.Body["violations"]!.AsArray(), Is.Empty);

        var delivered = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered.Status, Is.EqualTo(HttpStatusCode.OK), delivered.Text);
        Assert.That(delivered["status"], Is.EqualTo("Delivered"));
    }

    [Test]
    public async Task An_immediate_item_accepted_after_close_of_business_is_due_at_the_close_of_the_next_working_day()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        // Friday evening: the next working day is Monday.
        Factory.At("2026-11-27T18:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(Instant(accepted.Body!["dueAt"]), Is.EqualTo(Beijing("2026-11-30T17:30:00")), "never due before it was accepted");
    }

    [Test]
    public async Task A_refusal_at_the_window_states_its_reason_and_the_applicants_rights_of_appeal()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        var refused = await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "经营场所位于禁止经营区域" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.OK), refused.Text);
        Assert.That(refused["status"], Is.EqualTo("Refused"));

        var timeline = await applicant.GetJsonAsync($"/api/cases/{id}/timeline");
        var refusal = timeline.Body!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "Refused")!;
        Assert.That(refusal["reason"]!.GetValue<string>(), Is.EqualTo("经营场所位于禁止经营区域"));
        Assert.That(refusal["detail"]!.GetValue<string>(), Does.Contain("行政复议").And.Contain("行政诉讼"));
    }

    [Test]
    public async Task A_refusal_without_a_reason_is_a_400_naming_the_field_and_changes_nothing()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        var refused = await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "  " });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        Assert.That(refused.Body!["errors"]!["reason"], Is.Not.Null);
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.EqualTo("Submitted"));
    }

    [Test]
    public async Task A_process_that_starts_a_sub_workflow_without_waiting_for_its_end_is_refused_at_acceptance_and_the_case_stays_submitted()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        static string Literal(string value) => $$"""{ "typeName": "String", "expression": { "type": "Literal", "value": "{{value}}" } }""";
        var child = $$"""
            { "definitionId": "samr-own-review", "name": "市场监管局内部审查", "root": { "type": "Elsa.Flowchart", "id": "flow", "activities": [
                { "id": "review", "type": "Elsa.RunTask", "taskName": {{Literal("内部审查")}} } ], "connections": [] } }
            """;
        var parent = $$"""
            { "definitionId": "individual-business", "name": "个体工商户登记（调用内部审查）", "root": { "type": "Elsa.Flowchart", "id": "flow", "activities": [
                { "id": "start", "type": "Elsa.Start" },
                { "id": "own", "type": "Elsa.ExecuteWorkflow", "workflowDefinitionId": {{Literal("samr-own-review")}},
                  "waitForCompletion": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "false" } } },
                { "id": "end", "type": "Elsa.End" } ],
              "connections": [
                { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "own", "port": "In" } },
                { "source": { "activity": "own", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] } }
            """;
        foreach (var definition in new[] { child, parent })
        {
            using var uploaded = await admin.PostAsync(new Uri("/api/workflow-definitions?publish=true", UriKind.Relative),
                new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
            Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        }

        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await clerk.SubmitAsync(Application);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");

        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.Conflict), accepted.Text);
        Assert.That(accepted["code"], Is.EqualTo("ProcessWaitsOutsideCase"));
        // A child the case does not wait for would run detached from it, its tasks nobody's (one it waits for runs with the case:
        // DepartmentSystemTests).
        Assert.That(accepted["detail"], Does.Contain("samr-own-review").And.Contain("(own)"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.EqualTo("Submitted"), "nothing of the refused acceptance is saved");
    }
}
