using System.Net;
using System.Net.Http.Json;
using Approval.Api.Identity;
using Approval.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Identity;

/// <summary>
/// Abuse limits: too many wrong passwords lock an account (on its row, so every node refuses it) until the lock ends or an
/// administrator lifts it; sign-in is limited per address and per user name, the public status query and calendar per
/// address — each refusal a 429 problem detail with Retry-After.
/// </summary>
public class AbuseLimitTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    private static LimitedApiFactory Start(params (string Key, string Value)[] settings) =>
        new(settings.ToDictionary(s => $"Approval:{s.Key}", s => s.Value), new FakeTimeProvider(Monday));

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName, password });

    private static async Task<List<HttpStatusCode>> WrongPasswordsAsync(HttpClient client, string userName, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            answers.Add((await SignInAsync(client, userName, $"guess-{i}")).StatusCode);
        return answers;
    }

    [Test]
    public async Task Forty_wrong_passwords_lock_the_account_so_the_right_one_is_refused_until_the_lock_ends()
    {
        await using var factory = Start(("Auth:LockoutThreshold", "5"), ("Auth:LockoutPeriod", "00:15:00"));
        using var client = factory.CreateClient();

        var answers = await WrongPasswordsAsync(client, "clerk", 40);
        Assert.That(answers.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answers.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));

        var right = await SignInAsync(client, "clerk", DemoUsers.Password);
        var problem = await Problem.Of(right, HttpStatusCode.TooManyRequests);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("locked"));
        Assert.That(right.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)), "the lock runs on the application's clock");
        Assert.That((await SignInAsync(client, "admin", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other accounts are not locked");

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That((await SignInAsync(client, "clerk", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await SignInAsync(client, "clerk", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await WrongPasswordsAsync(client, "clerk", 4), Is.All.EqualTo(HttpStatusCode.Unauthorized), "after the lock the count starts again");
    }

    [Test]
    public async Task A_successful_sign_in_starts_the_count_of_wrong_passwords_again()
    {
        await using var factory = Start(("Auth:LockoutThreshold", "5"));
        using var client = factory.CreateClient();

        await WrongPasswordsAsync(client, "clerk", 4);
        Assert.That((await SignInAsync(client, "clerk", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await WrongPasswordsAsync(client, "clerk", 4), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SignInAsync(client, "clerk", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_administrator_lifts_a_lock_at_once_and_no_one_else_may()
    {
        await using var factory = Start(("Auth:LockoutThreshold", "3"), ("Auth:LockoutPeriod", "1.00:00:00"));
        using var client = factory.CreateClient();
        using var admin = await factory.CreateClientAsync("admin");
        using var supervisor = await factory.CreateClientAsync("supervisor");
        await WrongPasswordsAsync(client, "samr-reviewer", 3);
        Assert.That((await SignInAsync(client, "samr-reviewer", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        await Problem.Of(await supervisor.PostAsync(new Uri("/api/admin/users/samr-reviewer/unlock", UriKind.Relative), null), HttpStatusCode.Forbidden);
        await Problem.Of(await admin.PostAsync(new Uri("/api/admin/users/nobody/unlock", UriKind.Relative), null), HttpStatusCode.NotFound);
        var unlock = await admin.PostAsync(new Uri("/api/admin/users/Samr-Reviewer/unlock", UriKind.Relative), null);
        Assert.That(unlock.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await SignInAsync(client, "samr-reviewer", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_lock_is_kept_on_the_user_row_so_another_node_refuses_the_account_too()
    {
        var shared = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new[] { ("DataDirectory", shared), ("Auth:LockoutThreshold", "5") };
            await using var first = Start(settings);
            await using var second = Start(settings);
            using var onFirst = first.CreateClient();
            using var onSecond = second.CreateClient();
            Assert.That((await SignInAsync(onSecond, "clerk", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Wrong passwords spread over both nodes count together.
            await WrongPasswordsAsync(onFirst, "clerk", 3);
            await WrongPasswordsAsync(onSecond, "clerk", 2);

            await Problem.Of(await SignInAsync(onSecond, "clerk", DemoUsers.Password), HttpStatusCode.TooManyRequests);
            await Problem.Of(await SignInAsync(onFirst, "clerk", DemoUsers.Password), HttpStatusCode.TooManyRequests);
        }
        finally
        {
            FixturePools.ClearSqliteUnder(shared);
            if (Directory.Exists(shared))
                Directory.Delete(shared, recursive: true);
        }
    }

    [Test]
    public async Task Three_hundred_wrong_query_codes_from_one_address_are_stopped_after_the_limit_with_429()
    {
        await using var factory = Start(("RateLimits:StatusQueryPerAddress", "20"));
        using var prober = factory.CreateClientFrom("203.0.113.7");
        using var neighbour = factory.CreateClientFrom("203.0.113.8");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 300; i++)
            answers.Add(await prober.GetAsync(new Uri($"/api/status?number=2026120700001&queryCode=Q{i:D5}", UriKind.Relative)));

        Assert.That(answers.Take(20).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(answers.Skip(20).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        var refused = answers[^1];
        var problem = await Problem.Of(refused, HttpStatusCode.TooManyRequests);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("address"));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));

        Assert.That((await neighbour.GetAsync(new Uri("/api/status?number=2026120700001&queryCode=Q00000", UriKind.Relative))).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound), "another address has its own count");
    }

    [Test]
    public async Task Sign_in_attempts_from_one_address_are_limited_whatever_the_user_names()
    {
        await using var factory = Start(("RateLimits:SignInPerAddress", "10"), ("Auth:LockoutThreshold", "0"));
        using var sprayer = factory.CreateClientFrom("198.51.100.1");
        using var colleague = factory.CreateClientFrom("198.51.100.2");

        for (var i = 0; i < 10; i++)
            Assert.That((await SignInAsync(sprayer, $"user-{i}", "Demo@2026")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var token = await SignInAsync(sprayer, "admin", DemoUsers.Password);
        await Problem.Of(token, HttpStatusCode.TooManyRequests);
        Assert.That(token.Headers.RetryAfter, Is.Not.Null);
        using var cookie = await sprayer.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DemoUsers.Password });
        await Problem.Of(cookie, HttpStatusCode.TooManyRequests);

        Assert.That((await SignInAsync(colleague, "admin", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Sign_in_attempts_on_one_account_are_limited_from_every_address_together()
    {
        await using var factory = Start(("RateLimits:SignInPerAccount", "5"), ("Auth:LockoutThreshold", "0"));
        for (var i = 1; i <= 5; i++)
        {
            using var client = factory.CreateClientFrom($"192.0.2.{i}");
            Assert.That((await SignInAsync(client, "clerk", "guess")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        using var another = factory.CreateClientFrom("192.0.2.99");
        var refused = await SignInAsync(another, "Clerk", DemoUsers.Password);
        var problem = await Problem.Of(refused, HttpStatusCode.TooManyRequests);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("user name"));
        Assert.That((await SignInAsync(another, "admin", DemoUsers.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other accounts have their own count");
    }

    [Test]
    public async Task The_public_calendar_is_limited_per_address()
    {
        await using var factory = Start(("RateLimits:CalendarPerAddress", "5"));
        using var client = factory.CreateClientFrom("203.0.113.20");
        for (var i = 0; i < 5; i++)
            Assert.That((await client.GetAsync(new Uri("/api/calendar/years", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Problem.Of(await client.GetAsync(new Uri("/api/calendar/years", UriKind.Relative)), HttpStatusCode.TooManyRequests);
    }
}
