using System.Net;
using Approval.Api.Endpoints;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// 状态查询 (<c>GET /api/status</c>) answers from the case's columns and task rows, and reads the case's document only when
/// the answer needs it (why the clock stopped, what the applicant is asked for, the decision). Whichever it reads, the
/// citizen sees what the case itself says, at every step of 企业设立登记 — on SQLite and on PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PublicStatusQueryTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [OneTimeSetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static readonly string[] Departments = ["samr", "tax", "eco", "fire", "health", "hrss"];

    private static object Application(string company) => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new
        {
            companyName = company,
            registeredCapital = 100,
            businessScope = "软件开发",
            address = "云浮市云城区建设北路1号",
            legalRepresentativeId = "11010519491231002X",
        },
    };

    [Test]
    public async Task A_citizen_sees_at_every_step_what_the_case_itself_says()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, queryCode) = await applicant.SubmitAsync(Application("云浮市张三科技有限公司"));
        Assert.That((await SameAsTheCaseAsync(id, number, queryCode))["status"], Is.EqualTo("Submitted"));

        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "住所使用证明", "公司章程" } })).Status, Is.EqualTo(HttpStatusCode.OK));
        var asked = await SameAsTheCaseAsync(id, number, queryCode);
        Assert.That(asked.Body!["askedOfApplicant"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "住所使用证明", "公司章程" }));

        Assert.That((await applicant.PostJsonAsync($"/api/cases/{id}/supplements", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
        await SameAsTheCaseAsync(id, number, queryCode);

        Factory.At("2026-11-24T14:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var inReview = await SameAsTheCaseAsync(id, number, queryCode);
        Assert.That(inReview.Body!["departmentsReviewing"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EquivalentTo(Departments));
        Assert.That(Instant(inReview.Body["dueAt"]), Is.EqualTo(Beijing("2026-12-15T17:30:00")));

        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        var fireTask = await fire.TaskOfAsync(id);
        Assert.That((await fire.PostJsonAsync($"/api/cases/{id}/tasks/{fireTask}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-25T09:00:00");
        Assert.That((await fire.PostJsonAsync($"/api/cases/{id}/clock/suspend", new { reason = "消防设计需组织专家评审", expectedDays = 2 })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SameAsTheCaseAsync(id, number, queryCode))["step"], Does.Contain("消防设计需组织专家评审"));

        foreach (var department in Departments.Where(d => d != "fire"))
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var task = await reviewer.TaskOfAsync(id);
            Assert.That((await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.OK));
        }
        Factory.At("2026-11-27T09:00:00");
        Assert.That((await fire.PostJsonAsync($"/api/cases/{id}/clock/resume")).Status, Is.EqualTo(HttpStatusCode.OK));
        var resumed = await SameAsTheCaseAsync(id, number, queryCode);
        Assert.That(resumed.Body!["departmentsReviewing"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "fire" }));
        Assert.That(resumed.Body["departmentsDone"]!.AsArray(), Has.Count.EqualTo(5));

        Assert.That((await fire.PostJsonAsync($"/api/cases/{id}/tasks/{fireTask}/opinion", new { verdict = "Refuse", reason = "疏散通道宽度不足" })).Status, Is.EqualTo(HttpStatusCode.OK));
        using var samrHead = await Factory.CreateClientAsync("samr-head");
        Assert.That((await samrHead.PostJsonAsync($"/api/cases/{id}/decision")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SameAsTheCaseAsync(id, number, queryCode))["decision"], Is.EqualTo("Refuse"));

        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/deliver")).Status, Is.EqualTo(HttpStatusCode.OK));
        var delivered = await SameAsTheCaseAsync(id, number, queryCode);
        Assert.That(delivered["status"], Is.EqualTo("Delivered"));
        Assert.That(delivered["decision"], Is.EqualTo("Refuse"));
    }

    [Test]
    public async Task An_application_refused_at_the_window_says_so_and_nothing_else()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, queryCode) = await applicant.SubmitAsync(Application("云浮市张三贸易有限公司"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "经营范围属于禁止类项目" })).Status, Is.EqualTo(HttpStatusCode.OK));
        var refused = await SameAsTheCaseAsync(id, number, queryCode);
        Assert.That(refused["status"], Is.EqualTo("Refused"));
        Assert.That(refused.Body!["decision"], Is.Null);
        Assert.That(refused.Body["departmentsReviewing"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_case_in_review_is_answered_from_its_rows_without_reading_its_document()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, queryCode) = await applicant.SubmitAsync(Application("云浮市张三餐饮有限公司"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var before = await SameAsTheCaseAsync(id, number, queryCode);

        // The document made unreadable: a read that still loaded it would fail (500); the columns and task rows answer alone.
        await using (var db = await Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync())
            await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(set => set.SetProperty(c => c.State, "not a case"));
        using var anonymous = Factory.CreateClient();
        var after = await anonymous.GetJsonAsync($"/api/status?number={number}&queryCode={queryCode.ToLowerInvariant()}");
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK), after.Text);
        Assert.That(after.Text, Is.EqualTo(before.Text));
    }

    /// <summary>
    /// Asks <c>GET /api/status</c> and holds its answer to <see cref="PublicStatus.From(Case)"/> of the case as loaded whole
    /// (its document); the departments in any order (the rows give them in the order the reviews opened).
    /// </summary>
    private async Task<Reply> SameAsTheCaseAsync(string id, string number, string queryCode)
    {
        using var anonymous = Factory.CreateClient();
        var answer = await anonymous.GetJsonAsync($"/api/status?number={number}&queryCode={queryCode}");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Text);
        PublicStatus expected;
        await using (var session = await Factory.Services.GetRequiredService<ICaseSessions>().OpenAsync())
            expected = PublicStatus.From((await session.FindAsync(id))!);
        Assert.Multiple(() =>
        {
            Assert.That(answer["number"], Is.EqualTo(expected.Number));
            Assert.That(answer["itemCode"], Is.EqualTo(expected.ItemCode));
            Assert.That(answer["status"], Is.EqualTo(expected.Status));
            Assert.That(answer["step"], Is.EqualTo(expected.Step));
            Assert.That(Instant(answer.Body!["receivedAt"]), Is.EqualTo(expected.ReceivedAt));
            Assert.That(Instant(answer.Body["acceptedAt"]), Is.EqualTo(expected.AcceptedAt));
            Assert.That(Instant(answer.Body["dueAt"]), Is.EqualTo(expected.DueAt));
            Assert.That(Strings(answer, "departmentsDone"), Is.EquivalentTo(expected.DepartmentsDone));
            Assert.That(Strings(answer, "departmentsReviewing"), Is.EquivalentTo(expected.DepartmentsReviewing));
            Assert.That(Strings(answer, "askedOfApplicant"), Is.EqualTo(expected.AskedOfApplicant));
            Assert.That(answer.Body["decision"]?.GetValue<string>(), Is.EqualTo(expected.Decision));
        });
        return answer;
    }

    private static IEnumerable<string> Strings(Reply reply, string property) => reply.Body![property]!.AsArray().Select(s => s!.GetValue<string>());
}
