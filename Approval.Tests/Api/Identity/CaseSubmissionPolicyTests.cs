using System.Net;
using System.Net.Http.Json;
using Approval.Workflows.People;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Identity;

/// <summary>An application is filed by the applicant online or by the window for a walk-in; no one else files one.</summary>
public class CaseSubmissionPolicyTests
{
    private static ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public static void Start() => _factory = new ApprovalApiFactory();

    [OneTimeTearDown]
    public static async Task Stop() => await _factory.DisposeAsync();

    private static object Application => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { businessName = "张三小吃店", operatorId = "11010519491231002X", businessScope = "小吃服务", address = "福州市鼓楼区示范路1号" },
    };

    [TestCase(Role.Applicant)]
    [TestCase(Role.WindowClerk)]
    public async Task The_applicant_and_the_window_may_each_submit_an_application(Role role)
    {
        using var client = await _factory.CreateClientAsync(role);
        var response = await client.PostAsJsonAsync("/api/cases", Application);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [TestCase(Role.DepartmentReviewer)]
    [TestCase(Role.Supervisor)]
    public async Task Other_roles_may_not_submit_an_application(Role role)
    {
        using var client = await _factory.CreateClientAsync(role);
        await Problem.Of(await client.PostAsJsonAsync("/api/cases", Application), HttpStatusCode.Forbidden);
    }

    // The wake-up job runs the deadline sweep of every case: applications received on one day share their acceptance
    // deadline and thresholds (close of business), so they share the job that wakes them, rather than one job each.
    [Test]
    public async Task Applications_received_on_the_same_day_share_one_wake_up_at_each_deadline()
    {
        using var client = await _factory.CreateClientAsync(Role.WindowClerk);
        var scheduled = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.That((await client.PostAsJsonAsync("/api/cases", Application)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var afterFirst = scheduled.ScheduledCount();

        for (var i = 0; i < 3; i++)
            Assert.That((await client.PostAsJsonAsync("/api/cases", Application)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(afterFirst, Is.GreaterThan(0), "the first application's deadline has a wake-up");
        Assert.That(scheduled.ScheduledCount(), Is.EqualTo(afterFirst), "three more applications of the day are woken by the same jobs");
    }

    // The applicant's "received" text message wakes the outboxes through Hangfire: applications filed while that wake-up still
    // waits to run share it (it reads every row due when it starts), rather than enqueuing two jobs each.
    [Test]
    public async Task Applications_filed_while_the_outboxes_wake_up_waits_share_it()
    {
        using var client = await _factory.CreateClientAsync(Role.WindowClerk);
        var queues = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.That((await client.PostAsJsonAsync("/api/cases", Application)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var afterFirst = queues.EnqueuedCount("default");

        for (var i = 0; i < 3; i++)
            Assert.That((await client.PostAsJsonAsync("/api/cases", Application)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That(afterFirst, Is.GreaterThan(0), "the first application's text message woke the outboxes");
        Assert.That(queues.EnqueuedCount("default"), Is.EqualTo(afterFirst), "three more applications are delivered by the same wake-up");
    }
}
