using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.People;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Identity;

/// <summary>Tokens and cookies last <c>Approval:Auth:TokenLifetime</c> (8 hours) on the injected clock, not the machine's.</summary>
public class TokenLifetimeTests
{
    // Years before the machine's clock: a token the system clock judged would be long expired.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2020, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private ClockedApiFactory _factory = null!;

    [SetUp]
    public void SetUp() => _factory = new ClockedApiFactory(_clock);

    [TearDown]
    public async Task TearDown() => await _factory.DisposeAsync();

    [Test]
    public async Task A_token_is_issued_for_eight_hours_of_the_injected_clock_and_accepted_within_them()
    {
        using var client = await _factory.CreateClientAsync(Role.Administrator);
        _clock.Advance(TimeSpan.FromHours(7.5));
        var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_expired_token_is_a_401_problem_saying_it_expired()
    {
        using var anonymous = _factory.CreateClient();
        var issued = await (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(issued!["expiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(_clock.GetUtcNow().AddHours(8)));

        using var client = await _factory.CreateClientAsync(Role.Administrator);
        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(2));
        var response = await client.GetAsync(new Uri("/api/workflow-definitions", UriKind.Relative));
        var problem = await Problem.Of(response, HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("expired"));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [Test]
    public async Task A_sign_in_cookie_expires_with_the_same_lifetime()
    {
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "supervisor", password = "Demo@2026" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        _clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(2));
        await Problem.Of(await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }
}
