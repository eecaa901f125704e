using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Hosting;

namespace Approval.Tests.Api.Cases;

/// <summary>With the test clock on, an administrator moves time and sees deadlines pass: acceptance by silence, then red.</summary>
public class TestClockTests
{
    private sealed class TestClockFactory : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Approval:Clock:TestClock"] = "true",
            // Tokens signed in today outlive the jump to 2035 below.
            ["Approval:Auth:TokenLifetime"] = "4000.00:00:00",
        };

        // The application's own test clock, not a pinned one: it is what these tests drive.
        protected override void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        {
        }
    }

    [Test]
    public async Task Moving_the_test_clock_deems_an_unanswered_application_accepted_and_later_turns_it_red()
    {
        await using var factory = new TestClockFactory();
        using var admin = await factory.CreateClientAsync(Role.Administrator);
        using var applicant = await factory.CreateClientAsync("applicant");

        // The test clock only moves forward from the system's time: a Monday years ahead (provisional 2035, no
        // holiday near) keeps this test passing until then, and the calendar itself answers no further than 2036.
        var set = await admin.PostAsJsonAsync("/api/admin/clock", new { set = "2035-03-05T10:00:00+08:00" });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        var submitted = await applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { companyName = "乙公司", registeredCapital = 5, businessScope = "零售", address = "云安区", legalRepresentativeId = "11010519491231002X" },
        });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var week = await (await admin.PostAsJsonAsync("/api/admin/clock", new { advanceBy = "8.00:00:00" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(week!["deemedAccepted"]!.GetValue<int>(), Is.EqualTo(1));
        var accepted = await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.That(accepted!["deemedAccepted"]!.GetValue<bool>(), Is.True);
        Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("InReview"));

        await admin.PostAsJsonAsync("/api/admin/clock", new { advanceBy = "40.00:00:00" });
        // The violations are the staff's record: supervisors read them, the applicant does not (issue #13, defect 10).
        var late = await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{id}");
        Assert.That(late!["level"]!.GetValue<string>(), Is.EqualTo("Red"));
        Assert.That(late["violations"]!.AsArray().Select(v => v!["kind"]!.GetValue<string>()), Does.Contain("OverdueCase").And.Contain("AcceptedBySilence"));
        Assert.That((await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!["violations"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Without_the_test_clock_moving_time_is_refused()
    {
        await using var factory = new ApprovalApiFactory();
        using var admin = await factory.CreateClientAsync(Role.Administrator);
        var response = await admin.PostAsJsonAsync("/api/admin/clock", new { advanceBy = "1.00:00:00" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public void The_test_clock_is_refused_at_start_up_in_production()
    {
        using var factory = new ProductionTestClockFactory();
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.That(error!.Message, Does.Contain("Production"));
    }

    private sealed class ProductionTestClockFactory : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Approval:Clock:TestClock"] = "true" };

        protected override string EnvironmentName => "Production";
    }
}
