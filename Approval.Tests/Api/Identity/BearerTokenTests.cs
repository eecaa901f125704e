using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Workflows.People;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Approval.Tests.Api.Identity;

/// <summary>API clients sign in with a bearer token from POST /api/auth/token; refusals are problem details.</summary>
public class BearerTokenTests
{
    private static ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public static void Start() => _factory = new ApprovalApiFactory();

    [OneTimeTearDown]
    public static async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task A_demo_user_gets_a_bearer_token_describing_them_that_opens_a_protected_endpoint()
    {
        using var anonymous = _factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "samr-reviewer", password = "Demo@2026" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(body["tokenType"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        var user = body["user"]!;
        Assert.That(user["userName"]!.GetValue<string>(), Is.EqualTo("samr-reviewer"));
        Assert.That(user["role"]!.GetValue<string>(), Is.EqualTo("DepartmentReviewer"));
        Assert.That(user["departmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));
        Assert.That(user["displayName"]!.GetValue<string>(), Is.Not.Empty);

        var jwt = new JsonWebToken(body["accessToken"]!.GetValue<string>());
        Assert.That(jwt.Alg, Is.EqualTo("HS256"));
        Assert.That(jwt.Issuer, Is.EqualTo("approval"));
        Assert.That(jwt.Audiences, Is.EquivalentTo(new[] { "approval" }));
        Assert.That(jwt.ValidTo - jwt.IssuedAt, Is.EqualTo(TimeSpan.FromHours(8)), "the default lifetime");
        Assert.That(body["expiresAt"]!.GetValue<DateTimeOffset>().UtcDateTime, Is.EqualTo(jwt.ValidTo));

        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.That(me!["departmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));
    }

    [Test]
    public async Task An_administrator_token_opens_the_workflow_definitions()
    {
        using var client = await _factory.CreateClientAsync(Role.Administrator);
        var response = await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("admin", "wrong-password")]
    [TestCase("nobody", "Demo@2026")]
    public async Task A_wrong_password_or_an_unknown_user_is_a_401_problem_that_does_not_say_which(string userName, string password)
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var problem = await Problem.Of(response, HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo("The user name or the password is wrong."));
    }

    [Test]
    public async Task Missing_fields_are_a_400_problem_naming_each_field()
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsync(new Uri("/api/auth/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        var problem = await Problem.Of(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "userName", "password" }));
        Assert.That(problem["errors"]!["password"]![0]!.GetValue<string>(), Is.EqualTo("is required"));
    }

    [Test]
    public async Task An_anonymous_request_to_a_protected_endpoint_is_a_401_problem_not_a_redirect()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative));
        await Problem.Of(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }

    [Test]
    public async Task A_token_that_is_not_ours_is_a_401_problem()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        var response = await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative));
        await Problem.Of(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [TestCase(Role.Applicant, "GET", "/api/workflow-definitions")]
    [TestCase(Role.WindowClerk, "GET", "/api/workflow-instances/any")]
    [TestCase(Role.Supervisor, "POST", "/api/workflow-definitions")]
    [TestCase(Role.Supervisor, "POST", "/api/workflow-instances")]
    [TestCase(Role.DepartmentHead, "POST", "/api/workflow-events/approved")]
    public async Task A_role_the_endpoint_does_not_admit_is_a_403_problem(Role role, string method, string path)
    {
        using var client = await _factory.CreateClientAsync(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request);
        await Problem.Of(response, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_supervisor_reads_definitions_but_does_not_change_them()
    {
        using var client = await _factory.CreateClientAsync(Role.Supervisor);
        Assert.That((await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync(new Uri("/api/workflow-instances/unknown", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/api/calendar/days/2026-10-01")]
    [TestCase("/health")]
    [TestCase("/swagger/v1/swagger.json")]
    public async Task The_calendar_health_and_swagger_need_no_sign_in(string path)
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Swagger_offers_a_bearer_authorize_button_and_marks_protected_operations()
    {
        using var client = _factory.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.That(scheme["type"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(scheme["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
        Assert.That(document["paths"]!["/api/workflow-definitions"]!["get"]!["security"], Is.Not.Null);
        Assert.That(document["paths"]!["/api/calendar/years"]!["get"]!["security"], Is.Null);
        Assert.That(document["paths"]!["/api/auth/token"]!["post"]!["security"], Is.Null);
    }
}
