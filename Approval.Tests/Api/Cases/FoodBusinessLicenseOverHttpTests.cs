using System.Net;
using Approval.Api.Persistence;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// 食品经营许可 (SP-JY-001), a promised item of 10 working days, over HTTP: its process begins with the on-site
/// inspection (现场核查), which stops the clock (Art. 45) until 市场监管局's reviewer reports it done; then the
/// department reviews and its head decides. And 容缺受理: a non-key material may follow under a promise, a key one not.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class FoodBusinessLicenseOverHttpTests(DatabaseProvider provider)
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
        itemCode = "SP-JY-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new
        {
            shopName = "张三小吃",
            businessType = "餐饮服务",
            operatorId = "11010519491231002X",
            area = 60,
            address = "云浮市云城区兴云西路8号",
        },
    };

    [Test]
    public async Task The_on_site_inspection_stops_the_clock_until_the_reviewer_reports_it_then_samr_reviews_and_decides()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, queryCode) = await applicant.SubmitAsync(Application);

        Factory.At("2026-11-24T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted["status"], Is.EqualTo("Suspended"), "the process starts with the inspection");
        Assert.That(accepted.Body!["dueAt"], Is.Null);
        Assert.That(accepted.Body["tasks"]!.AsArray(), Is.Empty, "the review opens after the inspection");
        using (var anonymous = Factory.CreateClient())
            Assert.That((await anonymous.GetJsonAsync($"/api/status?number={number}&queryCode={queryCode}"))["step"], Does.Contain("现场核查"));

        using var samrHead = await Factory.CreateClientAsync("samr-head");
        Assert.That((await samrHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.Conflict));

        // Inspected on Wednesday; reported done on Thursday afternoon: Wednesday's close does not count.
        Factory.At("2026-11-26T15:00:00");
        using var samrReviewer = await Factory.CreateClientAsync("samr-reviewer");
        var resumed = await samrReviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.OK), resumed.Text);
        Assert.That(resumed["status"], Is.EqualTo("InReview"));
        Assert.That(resumed.Departments(), Is.EqualTo(new[] { "samr" }));
        Assert.That(Instant(resumed.Body!["dueAt"]), Is.EqualTo(Beijing("2026-12-09T17:30:00")), "10 working days from 11-24, but 11-25 stopped");

        var task = await samrReviewer.TaskOfAsync(id);
        var given = await samrReviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "ApproveWithConditions", reason = "后厨排烟设施须于开业前整改完毕" });
        Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);

        var decided = await samrHead.PostJsonAsync($"/api/cases/{id}/decision", new { });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided.Body!["decision"]!["verdict"]!.GetValue<string>(), Is.EqualTo("ApproveWithConditions"), "the merged opinion is the floor");

        var delivered = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered["status"], Is.EqualTo("Delivered"), delivered.Text);
        Assert.That(delivered.Body!["violations"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_non_key_material_may_follow_under_a_promise_within_the_promised_limit()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted["status"], Is.EqualTo("Suspended"), "accepted: the inspection begins");
        Assert.That(accepted.Body!["promise"]!["materialCodes"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "rules" }));
        Assert.That(accepted.Body["promise"]!["promisedBy"]!.GetValue<string>(), Is.EqualTo("2026-12-01"));

        var timeline = await applicant.GetJsonAsync($"/api/cases/{id}/timeline");
        Assert.That(timeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Does.Contain("AcceptedWithMissingMaterials"));
    }

    [Test]
    public async Task Promised_materials_are_received_at_the_window_and_only_then_is_the_result_handed_out()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var reviewer = await Factory.CreateClientAsync("samr-reviewer");
        using var head = await Factory.CreateClientAsync("samr-head");
        var (id, _, _) = await applicant.SubmitAsync(Application);
        await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
        await reviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{await reviewer.TaskOfAsync(id)}/opinion", new { verdict = "Approve" });
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided["status"], Is.EqualTo("Decided"), decided.Text);

        var early = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(early.Status, Is.EqualTo(HttpStatusCode.Conflict), early.Text);
        // The refusal's code, whatever language its words are in.
        Assert.That(early["code"], Is.EqualTo("DeliverAfterPromisedMaterials"), early.Text);

        var unknown = await clerk.PostJsonAsync($"/api/cases/{id}/promised-materials", new { materialCodes = new[] { "licence" } });
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.Conflict), unknown.Text);
        Assert.That(unknown.Text, Does.Contain("not owed"));
        var empty = await clerk.PostJsonAsync($"/api/cases/{id}/promised-materials", new { materialCodes = Array.Empty<string>() });
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest), empty.Text);
        Assert.That(empty.Text, Does.Contain("materialCodes"));

        var received = await clerk.PostJsonAsync($"/api/cases/{id}/promised-materials", new { materialCodes = new[] { "rules" } });
        Assert.That(received.Status, Is.EqualTo(HttpStatusCode.OK), received.Text);
        Assert.That(received.Body!["promise"], Is.Null, "kept");
        var delivered = await clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered["status"], Is.EqualTo("Delivered"), delivered.Text);
    }

    [Test]
    public async Task A_key_material_may_not_be_missing_at_acceptance()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);

        var refused = await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "licence" }, promisedBy = "2026-12-01" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
        Assert.That(refused["detail"], Does.Contain("营业执照或者其他主体资格证明文件").And.Contain("key material"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.EqualTo("Submitted"), "nothing was saved");
    }
}
