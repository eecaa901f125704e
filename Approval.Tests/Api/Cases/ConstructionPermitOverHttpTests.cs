using System.Net;
using Approval.Api.Persistence;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// 建设工程施工许可 (JS-SG-001), a joint item of 10 promised working days led by 住房城乡建设局, over HTTP: an enterprise
/// applies; housing, planning and fire review in parallel; a tall building or a large investment adds a civil-defense
/// review and an expert review that stops the case's clock (Art. 45) until a reviewer ends it; the lead decides; the
/// window delivers. Also the applicant's withdrawal, which cancels the process.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ConstructionPermitOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-09-28T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private const string CreditCode = "91350100M000100Y43";

    /// <summary>The demo <c>enterprise</c> applies for its own project.</summary>
    internal static object Application(int height, long investment) => new
    {
        itemCode = "JS-SG-001",
        applicant = new { kind = "Organisation", idNumber = CreditCode, name = "云浮市城建开发有限公司", phone = "07668888888" },
        form = new
        {
            projectName = "云浮市云城区滨江花园3号楼",
            constructionUnitCode = CreditCode,
            buildingHeight = height,
            investment,
            address = "云浮市云城区滨江路18号",
        },
    };

    [Test]
    public async Task A_small_project_is_reviewed_by_housing_planning_and_fire_only_and_delivered()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await enterprise.SubmitAsync(Application(height: 30, investment: 8_000_000));

        Factory.At("2026-09-28T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted["status"], Is.EqualTo("InReview"));
        Assert.That(accepted.Departments(), Is.EquivalentTo(new[] { "housing", "planning", "fire" }));
        // 09-29, 09-30, 10-08, 10-09, 10-10 (调休, a Saturday worked), 10-12 … 10-16: 国庆节 does not count.
        Assert.That(Instant(accepted.Body!["dueAt"]), Is.EqualTo(Beijing("2026-10-16T17:30:00")), "10 working days");

        using (var civilDefense = await Factory.CreateClientAsync("civil-defense-reviewer"))
        {
            var tasks = await civilDefense.GetJsonAsync("/api/tasks");
            Assert.That(tasks.Body!.AsArray(), Is.Empty, "no civil-defense review for a small project");
            Assert.That((await civilDefense.GetJsonAsync($"/api/cases/{id}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        }

        Factory.At("2026-10-09T10:00:00");
        foreach (var department in new[] { "housing", "planning", "fire" })
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var task = await reviewer.TaskOfAsync(id);
            var given = await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
            Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        }

        using var housingHead = await Factory.CreateClientAsync("housing-head");
        var decided = await housingHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided.Body!["decision"]!["verdict"]!.GetValue<string>(), Is.EqualTo("Approve"));

        var delivered = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered.Status, Is.EqualTo(HttpStatusCode.OK), delivered.Text);
        Assert.That(delivered["status"], Is.EqualTo("Delivered"));
        Assert.That(delivered.Departments("Completed"), Is.EquivalentTo(new[] { "housing", "planning", "fire" }));
        Assert.That(delivered.Body!["violations"]!.AsArray(), Is.Empty);

        using var admin = await Factory.CreateClientAsync("admin");
        Assert.That((await admin.GetJsonAsync($"/api/workflow-instances/{id}"))["status"], Is.EqualTo("Finished"));
    }

    [Test]
    public async Task A_tall_building_waits_for_its_expert_review_with_the_clock_stopped_before_the_lead_decides()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, queryCode) = await enterprise.SubmitAsync(Application(height: 150, investment: 30_000_000));

        // Accepted on the Monday before 国庆节: the process sends the project to expert review at once.
        Factory.At("2026-09-28T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted["status"], Is.EqualTo("Suspended"));
        Assert.That(accepted.Body!["dueAt"], Is.Null, "the clock is stopped: no due instant while it is");
        Assert.That(accepted.Departments(), Is.EquivalentTo(new[] { "housing", "planning", "fire", "civil-defense" }));

        using (var anonymous = Factory.CreateClient())
        {
            var status = await anonymous.GetJsonAsync($"/api/status?number={number}&queryCode={queryCode}");
            Assert.That(status["status"], Is.EqualTo("Suspended"));
            Assert.That(status["step"], Does.Contain("特别程序").And.Contain("专家评审"));
            Assert.That(status.Body!["dueAt"], Is.Null);
        }

        Factory.At("2026-09-29T10:00:00");
        foreach (var department in new[] { "housing", "planning", "fire", "civil-defense" })
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var task = await reviewer.TaskOfAsync(id);
            var given = await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
            Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        }

        // Every department has answered, but the expert review has not ended: nothing to decide yet.
        using var housingHead = await Factory.CreateClientAsync("housing-head");
        var early = await housingHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(early.Status, Is.EqualTo(HttpStatusCode.Conflict), early.Text);
        Assert.That(early["detail"], Does.Contain("not waiting for that step"));

        // The experts report after the holiday; a reviewer of a department on the case ends the procedure.
        Factory.At("2026-10-12T10:00:00");
        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        var resumed = await housing.PostJsonAsync($"/api/cases/{id}/clock/resume");
        Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.OK), resumed.Text);
        Assert.That(resumed["status"], Is.EqualTo("InReview"));
        // Unstopped, 10 working days from 09-28 end on 10-16 (09-29, 09-30, 10-08, 10-09, 10-10 调休, 10-12 … 10-16).
        // Stopped until 10-12 10:00, the closes of 09-29, 09-30, 10-08, 10-09 and the make-up Saturday 10-10 do not
        // count: five working days later, 10-23.
        Assert.That(Instant(resumed.Body!["dueAt"]), Is.EqualTo(Beijing("2026-10-23T17:30:00")));

        var decided = await housingHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided["status"], Is.EqualTo("Decided"));

        var delivered = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered["status"], Is.EqualTo("Delivered"), delivered.Text);

        var timeline = await enterprise.GetJsonAsync($"/api/cases/{id}/timeline");
        Assert.That(timeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()),
            Is.SupersetOf(new[] { "Accepted", "ClockSuspended", "OpinionGiven", "ClockResumed", "Decided", "Delivered" }));
    }

    [Test]
    public async Task An_undecided_case_withdrawn_by_its_applicant_closes_its_tasks_and_cancels_its_process()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await enterprise.SubmitAsync(Application(height: 30, investment: 8_000_000));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));

        using (var stranger = await Factory.CreateClientAsync("applicant"))
            Assert.That((await stranger.PostJsonAsync($"/api/cases/{id}/withdraw", new { reason = "不是我的" })).Status, Is.EqualTo(HttpStatusCode.NotFound));

        var withdrawn = await enterprise.PostJsonAsync($"/api/cases/{id}/withdraw", new { reason = "项目方案调整" });
        Assert.That(withdrawn.Status, Is.EqualTo(HttpStatusCode.OK), withdrawn.Text);
        Assert.That(withdrawn["status"], Is.EqualTo("Withdrawn"));
        Assert.That(withdrawn.Departments("Cancelled"), Is.EquivalentTo(new[] { "housing", "planning", "fire" }));

        using var admin = await Factory.CreateClientAsync("admin");
        var process = await admin.GetJsonAsync($"/api/workflow-instances/{id}");
        Assert.That(process["status"], Is.EqualTo("Cancelled"), process.Text);

        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        var tasks = await housing.GetJsonAsync("/api/tasks");
        Assert.That(tasks.Body!.AsArray().Select(t => t!["caseId"]!.GetValue<string>()), Does.Not.Contain(id));
        Assert.That((await enterprise.PostJsonAsync($"/api/cases/{id}/withdraw")).Status, Is.EqualTo(HttpStatusCode.Conflict), "withdrawn once");
    }
}
