using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.People;

namespace Approval.Tests.Api.Identity;

/// <summary>An administrator keeps the staff: who is away and who acts meanwhile, and the departments.</summary>
public class StaffAdministrationTests
{
    private ApprovalApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new ApprovalApiFactory();
        _admin = await _factory.CreateClientAsync(Role.Administrator);
    }

    [TearDown]
    public async Task TearDown()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task An_administrator_sets_a_reviewers_absence_and_the_staff_list_shows_who_is_away_and_who_acts()
    {
        var now = ApprovalApiFactoryBase.PinnedNow;
        var set = await _admin.PutAsJsonAsync("/api/admin/users/samr-reviewer/absence", new { substitute = "samr-head", from = now.AddHours(-1), until = now.AddDays(3) });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());

        var staff = (await _admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!;
        var reviewer = staff.Single(s => s!["user"]!["userName"]!.GetValue<string>() == "samr-reviewer")!;
        Assert.That(reviewer["absence"]!["substitute"]!.GetValue<string>(), Is.EqualTo("samr-head"));
        Assert.That(staff.Single(s => s!["user"]!["userName"]!.GetValue<string>() == "tax-reviewer")!["absence"], Is.Null);

        var back = await _admin.DeleteAsync("/api/admin/users/samr-reviewer/absence");
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        staff = (await _admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!;
        Assert.That(staff.Single(s => s!["user"]!["userName"]!.GetValue<string>() == "samr-reviewer")!["absence"], Is.Null);
    }

    [Test]
    public async Task A_substitute_from_another_department_is_refused_naming_the_field()
    {
        var now = ApprovalApiFactoryBase.PinnedNow;
        var response = await _admin.PutAsJsonAsync("/api/admin/users/samr-reviewer/absence", new { substitute = "tax-reviewer", from = now, until = now.AddDays(1) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(problem["errors"]!["substitute"]![0]!.GetValue<string>(), Does.Contain("not another reviewer of samr"));
    }

    [Test]
    public async Task A_window_clerk_holds_no_tasks_to_hand_to_a_substitute_and_an_unknown_user_is_not_found()
    {
        var now = ApprovalApiFactoryBase.PinnedNow;
        var clerk = await _admin.PutAsJsonAsync("/api/admin/users/clerk/absence", new { substitute = "lead-clerk", from = now, until = now.AddDays(1) });
        var nobody = await _admin.PutAsJsonAsync("/api/admin/users/nobody/absence", new { substitute = "samr-head", from = now, until = now.AddDays(1) });

        Assert.That(clerk.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await clerk.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["userName"], Is.Not.Null);
        Assert.That(nobody.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_department_is_added_and_renamed_by_its_code_and_a_bad_code_is_refused()
    {
        Assert.That((await _admin.PutAsJsonAsync("/api/catalog/departments/audit", new { name = "审计局" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _admin.PutAsJsonAsync("/api/catalog/departments/audit", new { name = "市审计局" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bad = await _admin.PutAsJsonAsync("/api/catalog/departments/Audit Office", new { name = "审计局" });

        var departments = (await _admin.GetFromJsonAsync<JsonArray>("/api/catalog/departments"))!;
        Assert.That(departments.Where(d => d!["code"]!.GetValue<string>() == "audit").Select(d => d!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "市审计局" }));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["code"], Is.Not.Null);
    }

    [Test]
    public async Task A_supervisor_reads_no_staff_list_and_changes_no_department()
    {
        using var supervisor = await _factory.CreateClientAsync(Role.Supervisor);
        Assert.That((await supervisor.GetAsync("/api/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await supervisor.PutAsJsonAsync("/api/catalog/departments/audit", new { name = "审计局" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
