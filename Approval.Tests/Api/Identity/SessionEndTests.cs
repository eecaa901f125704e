using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Identity;

/// <summary>
/// A sign-out, a password change or a role change ends the user's cookies and bearer tokens (a new security stamp on the
/// user's row, checked on every request): a copy taken before is refused at once, on every node.
/// </summary>
public class SessionEndTests
{
    private static ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public static void Start() => _factory = new ApprovalApiFactory();

    [OneTimeTearDown]
    public static async Task Stop() => await _factory.DisposeAsync();

    private static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static HttpClient Bearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName, string password = DemoUsers.Password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    [Test]
    public async Task A_cookie_captured_before_sign_out_no_longer_signs_anyone_in()
    {
        using var browser = _factory.CreateClient(new() { HandleCookies = false });
        var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = DemoUsers.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using (var before = await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/auth/me", cookie)))
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var logout = await browser.SendAsync(WithCookie(HttpMethod.Post, "/api/auth/logout", cookie));
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        using var replayed = await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/auth/me", cookie));
        await Problem.Of(replayed, HttpStatusCode.Unauthorized);
        using var replayedOnATask = await browser.SendAsync(WithCookie(HttpMethod.Get, "/api/tasks", cookie));
        await Problem.Of(replayedOnATask, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Signing_out_ends_the_users_bearer_tokens_but_not_other_users()
    {
        using var phone = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "tax-reviewer"));
        using var desk = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "tax-reviewer"));
        using var colleague = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "tax-head"));

        Assert.That((await desk.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var problem = await Problem.Of(await phone.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("session has ended"));
        await Problem.Of(await desk.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        Assert.That((await colleague.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var again = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "tax-reviewer"));
        Assert.That((await again.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a new sign-in works");
    }

    [Test]
    public async Task A_password_change_ends_every_session_and_only_the_new_password_signs_in()
    {
        using var anonymous = _factory.CreateClient();
        using var first = Bearer(_factory.CreateClient(), await TokenAsync(anonymous, "eco-reviewer"));
        using var second = Bearer(_factory.CreateClient(), await TokenAsync(anonymous, "eco-reviewer"));

        var wrong = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = "guess", newPassword = "Eco@2027-new" });
        Assert.That((await Problem.Of(wrong, HttpStatusCode.BadRequest))["errors"]!["currentPassword"], Is.Not.Null);
        var tooShort = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = DemoUsers.Password, newPassword = "short" });
        Assert.That((await Problem.Of(tooShort, HttpStatusCode.BadRequest))["errors"]!["newPassword"], Is.Not.Null);

        var changed = await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = DemoUsers.Password, newPassword = "Eco@2027-new" });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await Problem.Of(await first.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await Problem.Of(await second.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await Problem.Of(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "eco-reviewer", password = DemoUsers.Password }), HttpStatusCode.Unauthorized);
        await TokenAsync(anonymous, "eco-reviewer", "Eco@2027-new");
    }

    [Test]
    public async Task A_role_change_ends_the_users_sessions_and_the_next_sign_in_carries_the_new_role()
    {
        using var admin = await _factory.CreateClientAsync("admin");
        using var reviewer = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "health-reviewer"));

        var missing = await admin.PutAsJsonAsync("/api/admin/users/health-reviewer/role", new { role = "DepartmentHead" });
        Assert.That((await Problem.Of(missing, HttpStatusCode.BadRequest))["errors"]!["departmentCode"], Is.Not.Null);
        Assert.That((await reviewer.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a refused change ends nothing");
        await Problem.Of(await reviewer.PutAsJsonAsync("/api/admin/users/health-reviewer/role", new { role = "Administrator" }), HttpStatusCode.Forbidden);

        var promoted = await admin.PutAsJsonAsync("/api/admin/users/health-reviewer/role", new { role = "DepartmentHead", departmentCode = "health" });
        Assert.That(promoted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await promoted.Content.ReadAsStringAsync());

        await Problem.Of(await reviewer.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        using var again = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "health-reviewer"));
        var me = await again.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.That(me!["role"]!.GetValue<string>(), Is.EqualTo("DepartmentHead"));
        Assert.That(me["departmentCode"]!.GetValue<string>(), Is.EqualTo("health"));
    }

    [Test]
    public async Task An_account_stored_before_stamps_gets_one_at_its_next_sign_in_and_its_sign_out_still_ends_the_session()
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Users.Where(u => u.UserName == "housing-reviewer").ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, ""));

        using var reviewer = Bearer(_factory.CreateClient(), await TokenAsync(_factory.CreateClient(), "housing-reviewer"));
        Assert.That((await reviewer.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using (var db = await contexts.CreateDbContextAsync())
            Assert.That(await db.Users.Where(u => u.UserName == "housing-reviewer").Select(u => u.SecurityStamp).SingleAsync(), Is.Not.Empty);

        Assert.That((await reviewer.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem.Of(await reviewer.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_sign_out_on_one_node_ends_the_token_on_another_node_at_once()
    {
        var shared = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new Dictionary<string, string> { ["Approval:DataDirectory"] = shared };
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8)));
            await using var first = new LimitedApiFactory(settings, clock);
            await using var second = new LimitedApiFactory(settings, clock);
            var token = await TokenAsync(first.CreateClient(), "fire-reviewer");
            using var onFirst = Bearer(first.CreateClient(), token);
            using var onSecond = Bearer(second.CreateClient(), token);
            Assert.That((await onSecond.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the nodes share the signing key");

            Assert.That((await onFirst.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

            await Problem.Of(await onSecond.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
        }
        finally
        {
            FixturePools.ClearSqliteUnder(shared);
            if (Directory.Exists(shared))
                Directory.Delete(shared, recursive: true);
        }
    }
}
