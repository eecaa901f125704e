using System.Net;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.Identity;

/// <summary>
/// The hall's windows as administrators keep them over HTTP: a window created, renamed, given a clerk who then accepts
/// there (the case names the window); not closed while it holds an open case or has clerks, each refusal naming the field;
/// a clerk taken off has empty window lists, not the center's; bad input named; supervisors read, do not change.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class WindowAdministrationOverHttpTests(DatabaseProvider provider)
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
        form = new { shopName = "张三小吃", businessType = "餐饮服务", operatorId = "11010519491231002X", area = 60, address = "云浮市云城区兴云西路8号" },
    };

    [Test]
    public async Task A_window_created_and_given_a_clerk_is_where_the_clerk_accepts_and_it_is_not_closed_while_it_holds_the_case()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var created = await admin.PutJsonAsync("/api/admin/windows/w09", new { name = "综合受理 9 号窗口", nameEn = "General window 9", location = "一楼大厅 9 号" });
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Text);
        var renamed = await admin.PutJsonAsync("/api/admin/windows/w09", new { name = "企业开办专窗", nameEn = "Business start-up window", location = "一楼大厅 9 号" });
        Assert.That((renamed["name"], renamed.Body!["isOpen"]!.GetValue<bool>()), Is.EqualTo(("企业开办专窗", true)));
        using var oldSession = await Factory.CreateClientAsync("clerk");

        var assigned = await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/windows/w09/clerks/clerk", null);
        Assert.That(assigned.Status, Is.EqualTo(HttpStatusCode.OK), assigned.Text);
        Assert.That(assigned["windowCode"], Is.EqualTo("w09"));
        Assert.That((await oldSession.GetJsonAsync("/api/window/promises-due")).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the window is in the token: it ends");

        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
        Assert.That(accepted["acceptingWindowCode"], Is.EqualTo("w09"), accepted.Text);
        var windows = await admin.GetJsonAsync("/api/admin/windows");
        var w09 = windows.Body!.AsArray().Single(w => w!["window"]!["code"]!.GetValue<string>() == "w09")!;
        Assert.That((w09["clerks"]!.AsArray().Select(c => c!.GetValue<string>()).Single(), w09["openCases"]!.GetValue<int>()), Is.EqualTo(("clerk", 1)));

        var withClerk = await admin.PostJsonAsync("/api/admin/windows/w09/close");
        Assert.That(withClerk.Status, Is.EqualTo(HttpStatusCode.Conflict), withClerk.Text);
        Assert.That(withClerk.Body!["errors"]!["code"]![0]!.GetValue<string>(), Does.Contain("holds 1 open case"));
        Assert.That((await admin.SendJsonAsync(HttpMethod.Delete, "/api/admin/windows/w09/clerks/clerk", null)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await admin.PostJsonAsync("/api/admin/windows/w09/close")).Body!["errors"]!["code"], Is.Not.Null, "still its case to hand out");

        using var unseated = await Factory.CreateClientAsync("clerk");
        var list = await unseated.GetJsonAsync("/api/window/promises-due");
        Assert.That(list.Body!["total"]!.GetValue<int>(), Is.Zero, "a clerk with no window sees no window's cases, not the center's");
        using var lead = await Factory.CreateClientAsync("lead-clerk");
        Assert.That((await lead.GetJsonAsync("/api/window/promises-due?scope=center")).Body!["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_window_without_cases_or_clerks_closes_takes_no_clerk_while_closed_and_opens_again()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var withClerk = await admin.PostJsonAsync("/api/admin/windows/w02/close");
        Assert.That(withClerk.Status, Is.EqualTo(HttpStatusCode.Conflict), withClerk.Text);
        Assert.That(withClerk.Body!["errors"]!["clerks"]![0]!.GetValue<string>(), Does.Contain("lead-clerk"));

        var closed = await admin.PostJsonAsync("/api/admin/windows/w03/close");
        Assert.That(closed.Status, Is.EqualTo(HttpStatusCode.OK), closed.Text);
        Assert.That(closed.Body!["isOpen"]!.GetValue<bool>(), Is.False);
        var refused = await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/windows/w03/clerks/clerk", null);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
        Assert.That(refused.Body!["errors"]!["code"], Is.Not.Null);
        Assert.That((await admin.PostJsonAsync("/api/admin/windows/w03/reopen")).Body!["isOpen"]!.GetValue<bool>(), Is.True);
        Assert.That((await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/windows/w03/clerks/clerk", null)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_window_or_clerk_is_refused_naming_the_field_and_supervisors_only_read()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        using var supervisor = await Factory.CreateClientAsync("supervisor");

        Assert.That((await admin.PutJsonAsync("/api/admin/windows/W%209", new { name = "九号" })).Body!["errors"]!["code"], Is.Not.Null);
        Assert.That((await admin.PutJsonAsync("/api/admin/windows/w09", new { name = " " })).Body!["errors"]!["name"], Is.Not.Null);
        var reviewer = await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/windows/w01/clerks/samr-reviewer", null);
        Assert.That(reviewer.Status, Is.EqualTo(HttpStatusCode.BadRequest), reviewer.Text);
        Assert.That(reviewer.Body!["errors"]!["userName"]![0]!.GetValue<string>(), Does.Contain("not a window clerk"));
        Assert.That((await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/windows/w77/clerks/clerk", null)).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await supervisor.PutJsonAsync("/api/admin/windows/w09", new { name = "九号" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var read = await supervisor.GetJsonAsync("/api/admin/windows");
        Assert.That(read.Body!.AsArray().Select(w => w!["window"]!["code"]!.GetValue<string>()), Is.SupersetOf(new[] { "w01", "w02", "w03", "w04" }), "the demo's windows are rows");
    }
}
