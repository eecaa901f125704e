using System.Net;
using Approval.Tests.Api.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.MachineClients;

/// <summary>The sign-in limits hold for department systems too: attempts are counted per client id, from every address together.</summary>
public class MachineClientAbuseLimitTests
{
    [Test]
    public async Task Client_credential_attempts_on_one_client_id_are_limited_from_every_address_together()
    {
        await using var factory = new LimitedApiFactory(new Dictionary<string, string> { ["Approval:RateLimits:SignInPerAccount"] = "5" },
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8))));
        using var admin = await factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        var taxSecret = await admin.IssueClientAsync("tax-erp", "税务局征管系统", "tax");

        for (var i = 1; i <= 5; i++)
        {
            using var guesser = factory.CreateClientFrom($"192.0.2.{i}");
            Assert.That((await guesser.RequestTokenAsync("samr-erp", $"guess-{i}")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
        using var another = factory.CreateClientFrom("192.0.2.99");
        var refused = await another.RequestTokenAsync("samr-erp", secret);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), refused.Text);
        Assert.That(refused.Body!["retryAfterSeconds"]!.GetValue<int>(), Is.GreaterThan(0));
        Assert.That((await another.RequestTokenAsync("tax-erp", taxSecret)).Status, Is.EqualTo(HttpStatusCode.OK), "another client has its own count");
    }
}
