using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Approval.Workflows.People;

namespace Approval.Tests.Api.Clock;

/// <summary>
/// The test clock's offset is kept in the database: a restart (a second application on the same database) resumes the
/// simulated time, so records written on it are not in the future, and the clock still moves only forward.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class TestClockRestartTests(DatabaseProvider provider)
{
    private sealed class TestClockNode(IReadOnlyDictionary<string, string> settings) : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;

        // The application's own test clock, on the system clock, not the factory's pinned one: the offset is what restarts.
        protected override void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        {
        }
    }

    [Test]
    public async Task A_restart_resumes_the_test_clock_where_an_administrator_moved_it()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = database.SettingsForTests.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        settings["Approval:Clock:TestClock"] = "true";
        settings["Approval:Auth:TokenLifetime"] = "400.00:00:00";

        DateTimeOffset movedTo;
        string caseId;
        await using (var first = new TestClockNode(settings))
        {
            using var admin = await first.CreateClientAsync(Role.Administrator);
            using var applicant = await first.CreateClientAsync("applicant");
            var moved = await admin.PostAsJsonAsync("/api/admin/clock", new { advanceBy = "60.00:00:00" });
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
            movedTo = (await moved.Content.ReadFromJsonAsync<JsonObject>())!["now"]!.GetValue<DateTimeOffset>();
            var submitted = await applicant.PostAsJsonAsync("/api/cases", new
            {
                itemCode = "QY-SL-001",
                applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
                form = new { companyName = "丙公司", registeredCapital = 5, businessScope = "零售", address = "云安区", legalRepresentativeId = "11010519491231002X" },
            });
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), await submitted.Content.ReadAsStringAsync());
            caseId = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        await using var restarted = new TestClockNode(settings);
        using var adminAgain = await restarted.CreateClientAsync(Role.Administrator);
        using var applicantAgain = await restarted.CreateClientAsync("applicant");
        var clock = await adminAgain.GetFromJsonAsync<JsonObject>("/api/admin/clock");
        var now = clock!["now"]!.GetValue<DateTimeOffset>();
        Assert.That(now, Is.GreaterThanOrEqualTo(movedTo), "the simulated time goes on from where it was");
        Assert.That(now - movedTo, Is.LessThan(TimeSpan.FromMinutes(5)), "and does not jump");
        Assert.That(TimeSpan.Parse(clock["offset"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1)));

        var received = (await applicantAgain.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["receivedAt"]!.GetValue<DateTimeOffset>();
        Assert.That(received, Is.LessThanOrEqualTo(now), "the case received on the simulated clock is not in the future");
        var back = await adminAgain.PostAsJsonAsync("/api/admin/clock", new { set = movedTo.AddDays(-1) });
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the clock still only moves forward");
    }
}
