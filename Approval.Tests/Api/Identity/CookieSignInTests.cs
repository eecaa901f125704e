using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api.Identity;

/// <summary>The pages sign in with a cookie: POST /api/auth/login, GET /api/auth/me, POST /api/auth/logout.</summary>
public class CookieSignInTests
{
    private static ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public static void Start() => _factory = new ApprovalApiFactory();

    [OneTimeTearDown]
    public static async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task After_a_cookie_login_me_answers_the_user_until_logout()
    {
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = "Demo@2026" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(login.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("approval.auth=").And.Contain("httponly").IgnoreCase);

        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.That(me!["userName"]!.GetValue<string>(), Is.EqualTo("clerk"));
        Assert.That(me["role"]!.GetValue<string>(), Is.EqualTo("WindowClerk"));
        Assert.That(me["windowCode"]!.GetValue<string>(), Is.EqualTo("w01"));
        Assert.That(me.ContainsKey("passwordHash"), Is.False);

        var logout = await client.PostAsync(new Uri("/api/auth/logout", UriKind.Relative), null);
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem.Of(await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Me_without_a_sign_in_is_a_401_problem_not_a_redirect_to_a_login_page()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        await Problem.Of(await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_cookie_user_whose_role_is_not_admitted_gets_a_403_problem_not_a_redirect()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "applicant", password = "Demo@2026" });
        await Problem.Of(await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_wrong_password_sets_no_cookie()
    {
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = "demo@2026" });
        await Problem.Of(login, HttpStatusCode.Unauthorized);
        Assert.That(login.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task User_names_are_not_case_sensitive()
    {
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = " Admin ", password = "Demo@2026" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await login.Content.ReadFromJsonAsync<JsonObject>())!["userName"]!.GetValue<string>(), Is.EqualTo("admin"));
    }
}
