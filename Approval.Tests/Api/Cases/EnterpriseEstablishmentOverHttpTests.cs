using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// Issue #3's "done when", driving only the HTTP API as a new user would from Swagger: an applicant applies for
/// 企业设立登记, a clerk accepts it, six departments review in parallel (one asks for an expert review, which stops
/// the clock), the lead decides, the case is delivered — on SQLite and on PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class EnterpriseEstablishmentOverHttpTests(DatabaseProvider provider)
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
    public async Task An_enterprise_is_established_through_one_window_and_six_parallel_reviews()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");

        // Submitted once: a retry with the same Idempotency-Key gets the same case.
        var submitted = await applicant.SendJsonAsync(HttpMethod.Post, "/api/cases", Application, "apply-1");
        Assert.That(submitted.Status, Is.EqualTo(HttpStatusCode.Created));
        var retried = await applicant.SendJsonAsync(HttpMethod.Post, "/api/cases", Application, "apply-1");
        Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK));
        var id = submitted.Body!["id"]!.GetValue<string>();
        Assert.That(retried.Body!["id"]!.GetValue<string>(), Is.EqualTo(id));
        var number = submitted.Body["number"]!.GetValue<string>();
        var queryCode = submitted.Body["queryCode"]!.GetValue<string>();

        Factory.At("2026-11-24T14:00:00");
        var accepted = await clerk.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/accept", new { });
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted.Body!["status"]!.GetValue<string>(), Is.EqualTo("InReview"));
        Assert.That(CaseHttp.Instant(accepted.Body["dueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-15T17:30:00")), "15 working days");

        using (var anonymous = Factory.CreateClient())
        {
            var status = await anonymous.GetFromJsonAsync<JsonObject>($"/api/status?number={number}&queryCode={queryCode}");
            Assert.That(status!["departmentsReviewing"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EquivalentTo(Departments));
            Assert.That((await anonymous.GetAsync(new Uri($"/api/status?number={number}&queryCode=WRONGCODE1", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        // The fire brigade claims its task and asks for an expert review: the clock stops.
        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        var fireTask = await CaseHttp.TaskOfAsync(fire, id);
        Assert.That((await fire.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/tasks/{fireTask}/claim", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-25T09:00:00");
        var suspended = await fire.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/clock/suspend", new { reason = "消防设计需组织专家评审", expectedDays = 2 });
        Assert.That(suspended.Status, Is.EqualTo(HttpStatusCode.OK), suspended.Text);
        Assert.That(suspended.Body!["status"]!.GetValue<string>(), Is.EqualTo("Suspended"));

        foreach (var department in Departments.Where(d => d != "fire"))
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var task = await CaseHttp.TaskOfAsync(reviewer, id);
            object verdict = department == "eco" ? new { verdict = "ApproveWithConditions", reason = "须安装油烟净化设施" } : new { verdict = "Approve" };
            var given = await reviewer.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/tasks/{task}/opinion", verdict);
            Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        }

        Factory.At("2026-11-27T09:00:00");
        var resumed = await fire.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/clock/resume", new { });
        Assert.That(CaseHttp.Instant(resumed.Body!["dueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-17T17:30:00")), "the two suspended days do not count");
        var refused = await fire.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/tasks/{fireTask}/opinion", new { verdict = "Refuse", reason = "疏散通道宽度不足" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.OK), refused.Text);

        // Only the lead department's head decides.
        using var taxHead = await Factory.CreateClientAsync("tax-head");
        Assert.That((await taxHead.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/decision", new { })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        using var samrHead = await Factory.CreateClientAsync("samr-head");
        var decided = await samrHead.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/decision", new { });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided.Body!["decision"]!["verdict"]!.GetValue<string>(), Is.EqualTo("Refuse"));
        Assert.That(decided.Body["decision"]!["reasons"]!.AsArray().Select(r => r!["reason"]!.GetValue<string>()),
            Is.EqualTo(new[] { "疏散通道宽度不足", "须安装油烟净化设施" }));

        var delivered = await clerk.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/deliver", new { });
        Assert.That(delivered.Body!["status"]!.GetValue<string>(), Is.EqualTo("Delivered"));

        // The applicant reads the whole timeline; another applicant cannot see the case at all.
        var timeline = await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/timeline");
        Assert.That(timeline!.Select(e => e!["action"]!.GetValue<string>()), Is.SupersetOf(new[]
            { "Submitted", "Accepted", "TaskOpened", "TaskClaimed", "ClockSuspended", "OpinionGiven", "ClockResumed", "Decided", "Delivered" }));
        using var stranger = await Factory.CreateClientAsync("enterprise");
        Assert.That((await stranger.GetAsync(new Uri($"/api/cases/{id}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_second_supplement_request_is_refused_with_409_and_recorded()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var id = (await applicant.SendJsonAsync(HttpMethod.Post, "/api/cases", Application)).Body!["id"]!.GetValue<string>();
        var first = await clerk.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "住所使用证明" } });
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Text);
        var second = await clerk.SendJsonAsync(HttpMethod.Post, $"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "公司章程" } });
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Conflict));
        var read = await clerk.SendJsonAsync(HttpMethod.Get, $"/api/cases/{id}", null);
        Assert.That(read.Body!["violations"]!.AsArray().Single()!["kind"]!.GetValue<string>(), Is.EqualTo("RepeatedSupplementRequest"));
    }

    [Test]
    public async Task An_invalid_application_answers_400_naming_every_field()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        var response = await applicant.SendJsonAsync(HttpMethod.Post, "/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { companyName = "", registeredCapital = -1 },
        });
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = response.Body!["errors"]!.AsObject().Select(e => e.Key);
        Assert.That(errors, Is.SupersetOf(new[] { "form.companyName", "form.registeredCapital", "form.businessScope", "form.address", "form.legalRepresentativeId" }));
    }
}
