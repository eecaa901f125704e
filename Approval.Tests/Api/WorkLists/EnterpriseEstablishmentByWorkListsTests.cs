using System.Net;
using System.Net.Http.Json;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.WorkLists;

/// <summary>
/// Issue #14's "done when": the whole 企业设立登记 story through the API, where every case and task id comes from a work
/// list — the applicant's own cases, the window's queues, the departments' task views, the head's decisions — never from
/// an earlier answer. Supplements (一次告知), 容缺受理, a delegation and a substitute are on the way, so each list has its turn.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class EnterpriseEstablishmentByWorkListsTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static readonly string[] Departments = ["samr", "tax", "eco", "fire", "health", "hrss"];

    private static object Application => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new
        {
            companyName = "云浮市张三科技有限公司",
            registeredCapital = 100,
            businessScope = "软件开发",
            address = "云浮市云城区建设北路1号",
            legalRepresentativeId = "11010519491231002X",
        },
    };

    [Test]
    public async Task Every_step_of_an_enterprise_establishment_is_reached_from_a_work_list()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");

        // The applicant applies; the answer's id is not used: the lists give it.
        Assert.That((await applicant.PostJsonAsync("/api/cases", Application)).Status, Is.EqualTo(HttpStatusCode.Created));
        var mine = (await applicant.RowsAsync("/api/me/cases")).Single();
        Assert.That((mine.Text("status"), mine.Text("nextStep")), Is.EqualTo(("Submitted", "Wait")));
        Assert.That(CaseHttp.Instant(mine["nextDeadline"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T17:30:00")), "the window answers within 5 working days (Art. 32)");

        // The window finds it in its queue and asks for a missing material, all at once (一次告知).
        Assert.That((await clerk.CountsAsync())["awaitingAcceptance"], Is.EqualTo(1));
        var waiting = (await clerk.RowsAsync("/api/window/awaiting-acceptance")).Single();
        Assert.That(waiting.Text("applicantIdMasked"), Is.EqualTo("110105********002X"));
        var caseId = waiting.Text("caseId");
        Assert.That(caseId, Is.EqualTo(mine.Text("caseId")));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{caseId}/supplement-requests", new { missingMaterials = new[] { "公司章程（全体股东签字页）" } })).Status,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.ListAsync("/api/window/awaiting-acceptance")).Total, Is.Zero);

        // The applicant sees what to do, and supplies it from their list.
        Factory.At("2026-11-25T09:00:00");
        var toSupplement = (await applicant.RowsAsync("/api/me/cases")).Single();
        Assert.That(toSupplement.Text("nextStep"), Is.EqualTo("Supplement"));
        Assert.That((await applicant.CountsAsync())["actionNeeded"], Is.EqualTo(1));
        Assert.That((await applicant.PostJsonAsync($"/api/cases/{toSupplement.Text("caseId")}/supplements", new { })).Status, Is.EqualTo(HttpStatusCode.OK));

        // Back at the window that asked: accepted with the premises certificate promised (容缺受理).
        var returned = (await clerk.RowsAsync("/api/window/supplements-returned")).Single();
        Assert.That(CaseHttp.Instant(returned["windowDueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-02T17:30:00")), "the window's 5 days start anew");
        Factory.At("2026-11-25T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{returned.Text("caseId")}/accept", new { missingMaterials = new[] { "premises" }, promisedBy = "2026-12-01" });
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That((await applicant.RowsAsync("/api/me/cases")).Single().Text("nextStep"), Is.EqualTo("PromisedMaterials"));
        var promised = (await clerk.RowsAsync("/api/window/promises-due")).Single();
        Assert.That(CaseHttp.Instant(promised["promiseDueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T17:30:00")));
        Factory.At("2026-11-26T09:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{promised.Text("caseId")}/promised-materials", new { materialCodes = new[] { "premises" } })).Status,
            Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.ListAsync("/api/window/promises-due")).Total, Is.Zero);

        using var samrHead = await Factory.CreateClientAsync("samr-head");
        Assert.That((await samrHead.ListAsync("/api/department/awaiting-decision")).Total, Is.Zero, "six departments still review");

        // Each department finds its task unclaimed, claims it and answers from its own view of the tasks.
        foreach (var department in Departments)
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            using var head = await Factory.CreateClientAsync($"{department}-head");
            var unclaimed = (await reviewer.RowsAsync("/api/department/tasks?view=Unclaimed")).Single();
            Assert.That(unclaimed.Text("departmentCode"), Is.EqualTo(department));
            var (taskCase, taskId) = (unclaimed.Text("caseId"), unclaimed.Text("taskId"));
            Assert.That((await reviewer.PostJsonAsync($"/api/cases/{taskCase}/tasks/{taskId}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));
            var claimed = (await reviewer.RowsAsync("/api/department/tasks?view=Claimed")).Single();
            HttpClient answering = reviewer;
            if (department == "samr")
            {
                // Delegated to the head, who finds it among the tasks delegated to them.
                Assert.That((await reviewer.PostJsonAsync($"/api/cases/{taskCase}/tasks/{taskId}/delegate", new { to = "samr-head" })).Status, Is.EqualTo(HttpStatusCode.OK));
                claimed = (await head.RowsAsync("/api/department/tasks?view=Delegated")).Single();
                Assert.That(claimed.Text("delegatedBy"), Is.EqualTo("samr-reviewer"));
                answering = head;
            }
            else if (department == "fire")
            {
                // The reviewer goes away: the head stands in, and sees the task as substitute and as one to reassign.
                var now = Factory.Clock.GetUtcNow();
                using var away = await reviewer.PutAsJsonAsync("/api/me/absence", new { substitute = "fire-head", from = now, until = now.AddDays(7) });
                Assert.That(away.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That((await head.CountsAsync())["tasks.reassignable"], Is.EqualTo(1));
                Assert.That((await head.RowsAsync("/api/department/tasks?view=Reassignable")).Single().Text("taskId"), Is.EqualTo(taskId));
                claimed = (await head.RowsAsync("/api/department/tasks?view=Substitute")).Single();
                answering = head;
            }
            var opinion = await answering.PostJsonAsync($"/api/cases/{claimed.Text("caseId")}/tasks/{claimed.Text("taskId")}/opinion", new { verdict = "Approve" });
            Assert.That(opinion.Status, Is.EqualTo(HttpStatusCode.OK), $"{department}: {opinion.Text}");
            Assert.That((await reviewer.ListAsync("/api/department/tasks")).Total, Is.Zero, $"{department} has nothing left open");
        }

        // The lead's head finds the decision waiting.
        Assert.That((await samrHead.CountsAsync())["awaitingDecision"], Is.EqualTo(1));
        var toDecide = (await samrHead.RowsAsync("/api/department/awaiting-decision")).Single();
        Assert.That((await samrHead.PostJsonAsync($"/api/cases/{toDecide.Text("caseId")}/decision", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await samrHead.ListAsync("/api/department/awaiting-decision")).Total, Is.Zero, "decided");

        // The applicant is told to collect; the window finds the result to hand out.
        Assert.That((await applicant.RowsAsync("/api/me/cases")).Single().Text("nextStep"), Is.EqualTo("CollectResult"));
        Assert.That((await clerk.CountsAsync())["resultsReady"], Is.EqualTo(1));
        var ready = (await clerk.RowsAsync("/api/window/results-ready")).Single();
        Assert.That(CaseHttp.Instant(ready["windowDueAt"]), Is.Not.Null, "handed out within 10 working days of the decision (Art. 44)");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{ready.Text("caseId")}/deliver")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.ListAsync("/api/window/results-ready")).Total, Is.Zero);

        // The applicant rates it from their list; nothing is left to do.
        var toRate = (await applicant.RowsAsync("/api/me/cases")).Single();
        Assert.That((toRate.Text("status"), toRate.Text("nextStep")), Is.EqualTo(("Delivered", "Rate")));
        Assert.That((await applicant.PostJsonAsync($"/api/cases/{toRate.Text("caseId")}/rating", new { score = 5 })).Status, Is.EqualTo(HttpStatusCode.OK));
        var done = (await applicant.RowsAsync("/api/me/cases")).Single();
        Assert.That((done.Text("nextStep"), done["rating"]!.GetValue<int>()), Is.EqualTo(("None", 5)));
        Assert.That((await applicant.CountsAsync())["actionNeeded"], Is.Zero);
    }
}
