using System.Net;
using System.Net.Http.Headers;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.MachineClients;

/// <summary>
/// A department's own system (部门自建业务系统) signs in with a client credential an administrator issued: it works its
/// department's tasks as a reviewer of that department would, on SQLite and PostgreSQL, its acts named on the timeline as
/// the system; it can do nothing else, and once revoked its token stops at the next request.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class MachineClientTests(DatabaseProvider provider)
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

    internal static object EnterpriseApplication => new
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

    /// <summary>An accepted 企业设立登记: six departments' tasks open.</summary>
    private async Task<string> AcceptedCaseAsync()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(EnterpriseApplication);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        return id;
    }

    [Test]
    public async Task A_department_system_claims_and_answers_its_departments_task_and_the_timeline_names_the_system()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        var id = await AcceptedCaseAsync();

        using var anonymous = Factory.CreateClient();
        var token = await anonymous.RequestTokenAsync("samr-erp", secret);
        Assert.That(token.Status, Is.EqualTo(HttpStatusCode.OK), token.Text);
        Assert.That(token["tokenType"], Is.EqualTo("Bearer"));
        Assert.That(Instant(token.Body!["expiresAt"]), Is.EqualTo(Factory.Clock.GetUtcNow().AddMinutes(15)), "short-lived: 15 minutes");
        Assert.That(token.Body["user"]!["role"]!.GetValue<string>(), Is.EqualTo("DepartmentReviewer"));
        Assert.That(token.Body["user"]!["departmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));

        using var system = await Factory.CreateMachineClientAsync("samr-erp", secret);
        var task = await system.TaskOfAsync(id);
        var claimed = await system.PostJsonAsync($"/api/cases/{id}/tasks/{task}/claim");
        Assert.That(claimed.Status, Is.EqualTo(HttpStatusCode.OK), claimed.Text);
        Factory.At("2026-11-25T10:00:00");
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await anonymous.RequestTokenAsync("samr-erp", secret))["accessToken"]);
        var opinion = await system.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve", reason = "名称、住所、经营范围符合登记规定" });
        Assert.That(opinion.Status, Is.EqualTo(HttpStatusCode.OK), opinion.Text);

        using var clerk = await Factory.CreateClientAsync("clerk");
        var timeline = (await clerk.GetJsonAsync($"/api/cases/{id}/timeline")).Body!.AsArray();
        var acts = timeline.Where(e => e!["action"]!.GetValue<string>() is "TaskClaimed" or "OpinionGiven").Select(e => e!["actor"]!.GetValue<string>()).ToList();
        // A claim names the account that holds the task, an opinion the reviewer as people read them: both the system's.
        Assert.That(acts, Is.EqualTo(new[] { "client:samr-erp", "市场监管局审批系统 (client:samr-erp)" }));

        var listed = (await admin.GetJsonAsync("/api/admin/clients")).Body!.AsArray().Single()!;
        Assert.That(listed["clientId"]!.GetValue<string>(), Is.EqualTo("samr-erp"));
        Assert.That(listed["issuedBy"]!.GetValue<string>(), Is.EqualTo("admin"));
        Assert.That(Instant(listed["lastTokenAt"]), Is.EqualTo(Beijing("2026-11-25T10:00:00")));
        Assert.That(listed.AsObject().ContainsKey("clientSecret"), Is.False, "the secret is shown once, at issue");
    }

    [Test]
    public async Task A_department_system_may_not_accept_at_a_window_touch_another_departments_task_follow_its_events_nor_administer()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        var id = await AcceptedCaseAsync();
        using var applicant = await Factory.CreateClientAsync("applicant");
        var (waiting, _, _) = await applicant.SubmitAsync(EnterpriseApplication);
        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        var fireTask = await fire.TaskOfAsync(id);

        using var system = await Factory.CreateMachineClientAsync("samr-erp", secret);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await system.PostJsonAsync($"/api/cases/{waiting}/accept")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "acceptance is the window's");
            Assert.That((await system.PostJsonAsync($"/api/cases/{id}/tasks/{fireTask}/claim")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "fire's task");
            Assert.That((await system.PostJsonAsync($"/api/cases/{id}/tasks/{fireTask}/opinion", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await system.GetJsonAsync("/api/tasks")).Body!.AsArray().Select(t => t!["departmentCode"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "samr" }));
            Assert.That((await system.GetJsonAsync("/api/departments/fire/events")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await system.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.Forbidden), "the head's, not a reviewer's");
            Assert.That((await system.GetJsonAsync("/api/admin/clients")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await system.PostJsonAsync("/api/admin/clients", new { clientId = "samr-two", name = "x", departmentCode = "samr" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await system.GetJsonAsync("/api/admin/users")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await system.GetJsonAsync("/api/supervision/overview")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        }
        var fireTimeline = (await fire.GetJsonAsync($"/api/cases/{id}/timeline")).Body!.AsArray();
        Assert.That(fireTimeline.Select(e => e!["actor"]!.GetValue<string>()), Has.None.Contains("client:samr-erp"), "nothing it was refused left a line");
    }

    [Test]
    public async Task A_revoked_client_is_refused_at_its_next_request_and_cannot_sign_in_again()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        using var system = await Factory.CreateMachineClientAsync("samr-erp", secret);
        Assert.That((await system.GetJsonAsync("/api/tasks")).Status, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await admin.PostJsonAsync("/api/admin/clients/samr-erp/revoke");
        Assert.That(revoked.Status, Is.EqualTo(HttpStatusCode.OK), revoked.Text);
        Assert.That(revoked.Body!["revoked"]!.GetValue<bool>(), Is.True);
        Assert.That(revoked["revokedBy"], Is.EqualTo("admin"));

        var refused = await system.GetJsonAsync("/api/tasks");
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the token it still holds stops at once");
        using var anonymous = Factory.CreateClient();
        var again = await anonymous.RequestTokenAsync("samr-erp", secret);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Unauthorized), again.Text);
        Assert.That(again["error"], Is.EqualTo("invalid_client"));
        Assert.That((await admin.PostJsonAsync("/api/admin/clients/no-such/revoke")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_department_system_has_no_password_to_change_and_its_token_is_not_signed_out_but_revoked()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-dms", "市场监管局档案系统", "samr");
        using var system = await Factory.CreateMachineClientAsync("samr-dms", secret);

        var password = await system.PostJsonAsync("/api/auth/password", new { currentPassword = secret, newPassword = "Another@2026" });
        var signOut = await system.PostJsonAsync("/api/auth/logout");

        Assert.Multiple(() =>
        {
            Assert.That(password.Status, Is.EqualTo(HttpStatusCode.Forbidden), password.Text);
            Assert.That(password["code"], Is.EqualTo("ClientHasNoPassword"));
            Assert.That(signOut.Status, Is.EqualTo(HttpStatusCode.Forbidden), signOut.Text);
            Assert.That(signOut["code"], Is.EqualTo("ClientTokenNotSignedOut"));
        });
        Assert.That((await system.GetJsonAsync("/api/tasks")).Status, Is.EqualTo(HttpStatusCode.OK), "refused, so nothing pretended to end it");
    }

    [Test]
    public async Task A_client_token_lasts_fifteen_minutes()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        using var system = await Factory.CreateMachineClientAsync("samr-erp", secret);
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That((await system.GetJsonAsync("/api/tasks")).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.Clock.Advance(TimeSpan.FromMinutes(3)); // past the minute of clock skew tokens are allowed
        Assert.That((await system.GetJsonAsync("/api/tasks")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_wrong_secret_a_wrong_grant_or_a_missing_field_is_a_problem_saying_so()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        using var anonymous = Factory.CreateClient();

        var wrong = await anonymous.RequestTokenAsync("samr-erp", secret + "x");
        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.Unauthorized), wrong.Text);
        Assert.That(wrong["error"], Is.EqualTo("invalid_client"));
        var unknown = await anonymous.RequestTokenAsync("nobody", secret);
        Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.Unauthorized), "an unknown client answers as a wrong secret does");

        var password = await anonymous.RequestTokenAsync("samr-erp", secret, grantType: "password");
        Assert.That(password.Status, Is.EqualTo(HttpStatusCode.BadRequest), password.Text);
        Assert.That(password.Body!["errors"]!["grant_type"], Is.Not.Null);
        Assert.That(password["error"], Is.EqualTo("unsupported_grant_type"));

        using var noSecret = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "samr-erp" });
        var missing = await anonymous.PostFormAsync(noSecret);
        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.BadRequest), missing.Text);
        Assert.That(missing.Body!["errors"]!["client_secret"], Is.Not.Null);

        // RFC 6749 §2.3.1: the id and secret may come as HTTP Basic authentication instead.
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"samr-erp:{Uri.EscapeDataString(secret)}")));
        using var byBasic = await anonymous.SendAsync(basic);
        Assert.That(byBasic.StatusCode, Is.EqualTo(HttpStatusCode.OK), await byBasic.Content.ReadAsStringAsync());

        // People still sign in with JSON on the same address.
        Assert.That((await anonymous.PostJsonAsync("/api/auth/token", new { userName = "samr-reviewer", password = "Demo@2026" })).Status, Is.EqualTo(HttpStatusCode.OK));
        using var noBody = await anonymous.PostAsync(new Uri("/api/auth/token", UriKind.Relative), null);
        Assert.That(noBody.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no content type: the password sign-in's answer, not an ambiguity");
    }

    [Test]
    public async Task Issuing_refuses_a_malformed_id_an_unknown_department_a_missing_name_and_an_id_given_before()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        using (Assert.EnterMultipleScope())
        {
            var badId = await admin.PostJsonAsync("/api/admin/clients", new { clientId = "SAMR ERP", name = "市场监管局审批系统", departmentCode = "samr" });
            Assert.That(badId.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badId.Body!["errors"]!["clientId"], Is.Not.Null);
            var unknown = await admin.PostJsonAsync("/api/admin/clients", new { clientId = "moon-erp", name = "月球局系统", departmentCode = "moon" });
            Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown.Body!["errors"]!["departmentCode"], Is.Not.Null);
            var noName = await admin.PostJsonAsync("/api/admin/clients", new { clientId = "tax-erp", departmentCode = "tax" });
            Assert.That(noName.Body!["errors"]!["name"], Is.Not.Null);
        }
        await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        await admin.PostJsonAsync("/api/admin/clients/samr-erp/revoke");
        var again = await admin.PostJsonAsync("/api/admin/clients", new { clientId = "samr-erp", name = "市场监管局新系统", departmentCode = "samr" });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), "a revoked client's id is not given again: the timeline's names stay its");
    }
}
