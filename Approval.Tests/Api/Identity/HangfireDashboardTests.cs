using System.Net;
using System.Net.Http.Json;
using Approval.Workflows.People;

namespace Approval.Tests.Api.Identity;

/// <summary>The Hangfire dashboard is for administrators and supervisors only, wherever the request comes from.</summary>
public class HangfireDashboardTests
{
    private static ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public static void Start() => _factory = new ApprovalApiFactory();

    [OneTimeTearDown]
    public static async Task Stop() => await _factory.DisposeAsync();

    [TestCase(Role.Applicant)]
    [TestCase(Role.WindowClerk)]
    [TestCase(Role.DepartmentHead)]
    public async Task The_dashboard_refuses_other_roles_with_a_403_problem(Role role)
    {
        using var client = await _factory.CreateClientAsync(role);
        await Problem.Of(await client.GetAsync(new Uri("/hangfire", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_dashboard_refuses_an_anonymous_request_with_a_401_problem()
    {
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        await Problem.Of(await client.GetAsync(new Uri("/hangfire", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [TestCase(Role.Administrator)]
    [TestCase(Role.Supervisor)]
    public async Task The_dashboard_admits_administrators_and_supervisors(Role role)
    {
        using var client = await _factory.CreateClientAsync(role);
        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Hangfire"));
    }

    [Test]
    public async Task An_administrator_signed_in_by_cookie_opens_the_dashboard_in_a_browser()
    {
        using var client = _factory.CreateClient();
        await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "Demo@2026" });
        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
