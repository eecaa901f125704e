using System.Net;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.WorkLists;

/// <summary>
/// Who sees what in the work lists and the staff search (domain.md §2: each role sees only what it must), on SQLite and
/// PostgreSQL. Three applications: 张三's enterprise establishment accepted at window w01 (samr leads; six departments
/// review), 张三's second one still waiting, and a construction permit of an enterprise that window w02 (the lead clerk's)
/// asked supplements for, back the next day.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class WorkListVisibilityTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;
    private string _accepted = "", _waiting = "", _permit = "";

    private static object Establishment(string company) => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { companyName = company, registeredCapital = 100, businessScope = "软件开发", address = "云浮市云城区建设北路1号", legalRepresentativeId = "11010519491231002X" },
    };

    [SetUp]
    public async Task Start()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var leadClerk = await Factory.CreateClientAsync("lead-clerk");
        string accepted;
        (accepted, _accepted, _) = await applicant.SubmitAsync(Establishment("云浮市张三科技有限公司"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{accepted}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-24T10:30:00");
        (_, _waiting, _) = await applicant.SubmitAsync(Establishment("云浮市张三贸易有限公司"));
        Factory.At("2026-11-24T10:45:00");
        var (permit, permitNumber, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(30, 50_000_000));
        _permit = permitNumber;
        Assert.That((await leadClerk.PostJsonAsync($"/api/cases/{permit}/supplement-requests", new { missingMaterials = new[] { "施工合同" } })).Status, Is.EqualTo(HttpStatusCode.OK));
        // Supplied the next day: received anew then, and the window's 5 working days start again.
        Factory.At("2026-11-25T09:00:00");
        Assert.That((await enterprise.PostJsonAsync($"/api/cases/{permit}/supplements", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task An_applicant_lists_only_their_own_cases_and_may_not_search()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        Assert.That(await applicant.NumbersAsync("/api/me/cases"), Is.EquivalentTo(new[] { _accepted, _waiting }));
        Assert.That(await enterprise.NumbersAsync("/api/me/cases"), Is.EqualTo(new[] { _permit }));
        Assert.That(await applicant.NumbersAsync("/api/me/cases?status=InReview"), Is.EqualTo(new[] { _accepted }));
        Assert.That((await applicant.GetJsonAsync("/api/search/cases?applicantName=张三")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await applicant.GetJsonAsync("/api/window/awaiting-acceptance")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await applicant.GetJsonAsync("/api/department/tasks")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Supplements_come_back_to_the_window_that_asked_and_a_lead_clerk_alone_sees_the_center()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var leadClerk = await Factory.CreateClientAsync("lead-clerk");
        // Nobody's yet: the center's one queue.
        Assert.That(await clerk.NumbersAsync("/api/window/awaiting-acceptance"), Is.EqualTo(new[] { _waiting, _permit }), "soonest Art. 32 limit first");
        Assert.That(await leadClerk.NumbersAsync("/api/window/awaiting-acceptance"), Is.EqualTo(new[] { _waiting, _permit }));
        Assert.That(await clerk.NumbersAsync("/api/window/supplements-returned"), Is.Empty, "w01 asked for none");
        Assert.That(await leadClerk.NumbersAsync("/api/window/supplements-returned"), Is.EqualTo(new[] { _permit }));
        Assert.That((await clerk.CountsAsync())["supplementsReturned"], Is.Zero);
        Assert.That((await leadClerk.CountsAsync())["supplementsReturned"], Is.EqualTo(1));

        // 容缺: the promise is owed at w01, the window that accepted.
        var waitingId = (await clerk.RowsAsync("/api/window/awaiting-acceptance")).Single(r => r.Text("number") == _waiting).Text("caseId");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{waitingId}/accept", new { missingMaterials = new[] { "premises" }, promisedBy = "2026-12-01" })).Status,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await clerk.NumbersAsync("/api/window/promises-due"), Is.EqualTo(new[] { _waiting }));
        Assert.That(await leadClerk.NumbersAsync("/api/window/promises-due"), Is.Empty, "not w02's");
        Assert.That(await leadClerk.NumbersAsync("/api/window/promises-due?scope=center"), Is.EqualTo(new[] { _waiting }));
        Assert.That((await leadClerk.CountsAsync("?scope=center"))["promisesDue"], Is.EqualTo(1));

        var refused = await clerk.GetJsonAsync("/api/window/promises-due?scope=center");
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Forbidden), "only a lead clerk sees the center");
        Assert.That((await clerk.GetJsonAsync("/api/me/worklist/counts?scope=center")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var wrong = await leadClerk.GetJsonAsync("/api/window/promises-due?scope=city&pageSize=500");
        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Supplements_asked_again_at_another_window_come_back_to_the_window_that_asked_last_until_it_answers()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var leadClerk = await Factory.CreateClientAsync("lead-clerk");
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        var permitId = (await leadClerk.RowsAsync("/api/window/supplements-returned")).Single().Text("caseId");

        // The application changed since w02 asked, so w01 may ask in its turn (一次告知 holds for one version of the application).
        var asked = await clerk.PostJsonAsync($"/api/cases/{permitId}/supplement-requests", new { missingMaterials = new[] { "施工图审查合格书" } });
        Assert.That(asked.Status, Is.EqualTo(HttpStatusCode.OK), asked.Text);
        Assert.That(await leadClerk.NumbersAsync("/api/window/supplements-returned?scope=center"), Is.Empty, "with the applicant again");
        Assert.That(await clerk.NumbersAsync("/api/window/awaiting-acceptance"), Does.Not.Contain(_permit));

        Factory.At("2026-11-26T09:00:00");
        Assert.That((await enterprise.PostJsonAsync($"/api/cases/{permitId}/supplements", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
        var back = (await clerk.RowsAsync("/api/window/supplements-returned")).Single();
        Assert.That(back.Text("number"), Is.EqualTo(_permit), "w01 asked last");
        Assert.That(await leadClerk.NumbersAsync("/api/window/supplements-returned"), Is.Empty, "w02's request was answered by the first supplements");
        Assert.That(await leadClerk.NumbersAsync("/api/window/supplements-returned?scope=center"), Is.EqualTo(new[] { _permit }));
        Assert.That((await clerk.CountsAsync())["supplementsReturned"], Is.EqualTo(1));

        var accepted = await clerk.PostJsonAsync($"/api/cases/{permitId}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(await clerk.NumbersAsync("/api/window/supplements-returned"), Is.Empty, "answered");
        Assert.That(await leadClerk.NumbersAsync("/api/window/supplements-returned?scope=center"), Is.Empty);
    }

    [Test]
    public async Task A_department_finds_a_case_by_item_or_dates_once_it_leads_it_or_has_a_task_of_it()
    {
        async Task<IReadOnlyList<string>> Found(string user, string query)
        {
            using var client = await Factory.CreateClientAsync(user);
            return await client.NumbersAsync("/api/search/cases?" + query);
        }

        Assert.That(await Found("housing-reviewer", "receivedFrom=2026-11-24"), Is.EqualTo(new[] { _permit }), "housing leads the permit");
        Assert.That(await Found("planning-reviewer", "item=JS-SG-001&receivedFrom=2026-11-24"), Is.Empty, "no task of planning yet");
        Assert.That(await Found("fire-reviewer", "receivedFrom=2026-11-24&receivedTo=2026-11-24"), Is.EqualTo(new[] { _accepted }), "a task of fire, not the waiting one");
        Assert.That(await Found("samr-head", "receivedFrom=2026-11-24"), Is.EqualTo(new[] { _waiting, _accepted }), "samr leads both, newest received first");

        // Accepted, the permit's process opens the tasks: the departments it names now find it too.
        using var leadClerk = await Factory.CreateClientAsync("lead-clerk");
        var permitId = (await leadClerk.RowsAsync("/api/window/supplements-returned")).Single().Text("caseId");
        Assert.That((await leadClerk.PostJsonAsync($"/api/cases/{permitId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var view = await leadClerk.GetJsonAsync($"/api/cases/{permitId}");
        var reviewing = view.Body!["tasks"]!.AsArray().Select(t => t!["departmentCode"]!.GetValue<string>()).Distinct().ToList();
        Assert.That(reviewing, Is.Not.Empty);
        foreach (var department in reviewing)
            Assert.That(await Found($"{department}-reviewer", "item=JS-SG-001"), Is.EqualTo(new[] { _permit }), department);
    }

    [Test]
    public async Task The_staff_search_finds_only_what_each_role_may_read_with_the_id_masked()
    {
        async Task<IReadOnlyList<string>> Found(string user, string query)
        {
            using var client = await Factory.CreateClientAsync(user);
            return await client.NumbersAsync("/api/search/cases?" + query);
        }

        // samr leads both establishments; fire reviews the accepted one only; housing leads the permit; planning has no task yet.
        Assert.That(await Found("samr-reviewer", "item=QY-SL-001"), Is.EqualTo(new[] { _waiting, _accepted }), "newest received first");
        Assert.That(await Found("fire-reviewer", "item=QY-SL-001"), Is.EqualTo(new[] { _accepted }));
        Assert.That(await Found("fire-head", "applicantId=11010519491231002x"), Is.EqualTo(new[] { _accepted }));
        Assert.That(await Found("housing-head", "applicantId=91350100M000100Y43"), Is.EqualTo(new[] { _permit }));
        Assert.That(await Found("planning-reviewer", "applicantId=91350100M000100Y43"), Is.Empty);
        Assert.That(await Found("tax-reviewer", $"number={_permit}"), Is.Empty);
        Assert.That(await Found("clerk", "applicantName=张三"), Is.EquivalentTo(new[] { _accepted, _waiting }));
        Assert.That(await Found("supervisor", "receivedFrom=2026-11-24&receivedTo=2026-11-24"), Is.EqualTo(new[] { _waiting, _accepted }));
        Assert.That(await Found("admin", $"number={_permit}"), Is.EqualTo(new[] { _permit }));
        Assert.That(await Found("supervisor", "receivedFrom=2026-11-25"), Is.EqualTo(new[] { _permit }), "received anew with its supplements");
        Assert.That(await Found("supervisor", "receivedFrom=2026-11-26"), Is.Empty);

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var rows = await supervisor.RowsAsync("/api/search/cases?item=JS-SG-001");
        Assert.That(rows.Single().Text("applicantIdMasked"), Is.EqualTo("913501********0Y43"));
        Assert.That(rows.Single().ContainsKey("applicantIdNumber"), Is.False);
        var empty = await supervisor.GetJsonAsync("/api/search/cases");
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(empty.Body!["errors"]!.AsObject().ContainsKey("number"), Is.True, empty.Text);
    }

    [Test]
    public async Task A_reviewer_sees_their_department_s_tasks_and_their_own_views_only()
    {
        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        using var tax = await Factory.CreateClientAsync("tax-reviewer");
        using var fireHead = await Factory.CreateClientAsync("fire-head");
        var fireTasks = await fire.RowsAsync("/api/department/tasks");
        Assert.That(fireTasks.Select(t => (t.Text("caseNumber"), t.Text("departmentCode"))), Is.EqualTo(new[] { (_accepted, "fire") }));
        var task = fireTasks.Single();
        Assert.That((await fire.PostJsonAsync($"/api/cases/{task.Text("caseId")}/tasks/{task.Text("taskId")}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await fire.NumbersAsync("/api/department/tasks?view=Claimed", "caseNumber"), Is.EqualTo(new[] { _accepted }));
        Assert.That(await fire.NumbersAsync("/api/department/tasks?view=Unclaimed", "caseNumber"), Is.Empty);
        Assert.That(await tax.NumbersAsync("/api/department/tasks?view=Claimed", "caseNumber"), Is.Empty, "tax's is not claimed");
        Assert.That(await tax.NumbersAsync("/api/department/tasks?view=Unclaimed", "caseNumber"), Is.EqualTo(new[] { _accepted }));
        Assert.That(await fireHead.NumbersAsync("/api/department/tasks?view=Substitute", "caseNumber"), Is.Empty, "the reviewer is not away");
        Assert.That(await fireHead.NumbersAsync("/api/department/tasks?view=Reassignable", "caseNumber"), Is.Empty);
        Assert.That((await fire.GetJsonAsync("/api/department/tasks?view=Reassignable")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "heads reassign");
        Assert.That((await fire.GetJsonAsync("/api/department/extension-candidates")).Status, Is.EqualTo(HttpStatusCode.Forbidden));

        var counts = await fire.CountsAsync();
        Assert.That((counts["tasks.department"], counts["tasks.claimed"], counts["tasks.unclaimed"], counts.ContainsKey("tasks.reassignable")), Is.EqualTo((1, 1, 0, false)));
        using var csv = await fire.GetAsync(new Uri("/api/department/tasks?format=csv", UriKind.Relative));
        Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain(_accepted).And.Contain("taskId,caseId,caseNumber"));
    }

    [Test]
    public async Task A_head_sees_the_cases_their_department_leads_nearing_the_limit()
    {
        using var samrHead = await Factory.CreateClientAsync("samr-head");
        using var fireHead = await Factory.CreateClientAsync("fire-head");
        Assert.That(await samrHead.NumbersAsync("/api/department/extension-candidates"), Is.Empty, "green");

        // On the last working day before the limit (15 working days from 2026-11-24) the sweep raises the level.
        Factory.At("2026-12-15T10:00:00");
        await Factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
        var candidates = await samrHead.RowsAsync("/api/department/extension-candidates");
        Assert.That(candidates.Select(c => c.Text("number")), Contains.Item(_accepted));
        Assert.That(candidates.Select(c => c.Text("leadDepartmentCode")).Distinct(), Is.EqualTo(new[] { "samr" }));
        Assert.That(await fireHead.NumbersAsync("/api/department/extension-candidates"), Is.Empty, "fire reviews, samr leads");
        Assert.That(await fireHead.NumbersAsync("/api/department/awaiting-decision"), Is.Empty);
        Assert.That((await samrHead.CountsAsync())["extensionCandidates"], Is.EqualTo(candidates.Count));
    }
}
