using System.Net;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Complaints (投诉) over HTTP with the fake clock, on SQLite and PostgreSQL: filed by an applicant, decided by
/// supervisors within 5 working days or recorded as a breach once, transferred and resolved with the outcome told.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ComplaintApiTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _supervisor = null!;
    private HttpClient _applicant = null!;
    private string _caseId = null!;

    [SetUp]
    public async Task Start()
    {
        // Tuesday 2026-11-24, 10:00 Beijing: 5 working days end on Tuesday 12-01 at 17:30.
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        _supervisor = await _factory.CreateClientAsync("supervisor");
        _applicant = await _factory.CreateClientAsync("applicant");
        (_caseId, _, _) = await _applicant.SubmitAsync(SupervisionScenarios.Enterprise);
    }

    [TearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        _applicant?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_complaint_decided_in_time_is_transferred_resolved_and_its_outcome_told_without_a_breach()
    {
        var filed = await _applicant.PostJsonAsync("/api/complaints", new { caseId = _caseId, contact = "13800000000", body = "窗口人员要求提交目录外材料" });
        Assert.That(filed.Status, Is.EqualTo(HttpStatusCode.Created), filed.Text);
        Assert.That(filed["status"], Is.EqualTo("Received"));
        Assert.That(CaseHttp.Instant(filed.Body!["decideBy"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T17:30:00")));
        var id = filed.Body!["id"]!.GetValue<long>();

        _factory.At("2026-11-26T10:00:00");
        var takenUp = await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/take-up");
        Assert.That((takenUp.Status, takenUp["status"]), Is.EqualTo((HttpStatusCode.OK, "Handling")), takenUp.Text);
        var transferred = await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/transfer", new { departmentCode = "samr", dueInWorkingDays = 3 });
        Assert.That((transferred.Status, transferred["status"], transferred["transferredTo"]), Is.EqualTo((HttpStatusCode.OK, "TransferredToDepartment", "samr")), transferred.Text);
        Assert.That(CaseHttp.Instant(transferred.Body!["transferDueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T17:30:00")));
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/resolve", new { })).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        var resolved = await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/resolve", new { outcome = "经核查属实，已责令窗口改正并向您致歉" });
        Assert.That((resolved.Status, resolved["status"]), Is.EqualTo((HttpStatusCode.OK, "Resolved")), resolved.Text);
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/take-up")).Status, Is.EqualTo(HttpStatusCode.Conflict));

        _factory.At("2026-12-10T09:00:00");
        Assert.That((await Sweep()).ComplaintsBreached, Is.Zero);
        Assert.That((await _supervisor.GetJsonAsync("/api/supervision/complaints?breached=true")).Body!["total"]!.GetValue<int>(), Is.Zero);

        var mine = (await _applicant.GetJsonAsync("/api/complaints")).Body!["items"]!.AsArray().Single()!;
        Assert.That(mine["outcome"]!.GetValue<string>(), Is.EqualTo("经核查属实，已责令窗口改正并向您致歉"));
        var timeline = await _applicant.GetJsonAsync($"/api/cases/{_caseId}/timeline");
        var actions = timeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.That(actions.Count(a => a == "ComplaintProgressed"), Is.EqualTo(3));
        Assert.That(actions, Does.Contain("ComplaintFiled"));
    }

    [Test]
    public async Task A_complaint_undecided_after_5_working_days_is_recorded_as_a_breach_once_and_can_still_be_declined()
    {
        var filed = await _applicant.PostJsonAsync("/api/complaints", new { contact = "13800000000", body = "网上办事大厅经常无法登录" });
        Assert.That((filed.Status, filed.Body!["caseId"]), Is.EqualTo((HttpStatusCode.Created, (object?)null)), filed.Text);
        var id = filed.Body!["id"]!.GetValue<long>();

        _factory.At("2026-12-01T17:00:00");
        Assert.That((await Sweep()).ComplaintsBreached, Is.Zero, "within 5 working days");
        _factory.At("2026-12-01T18:00:00");
        Assert.That((await Sweep()).ComplaintsBreached, Is.EqualTo(1));
        Assert.That((await Sweep()).ComplaintsBreached, Is.Zero, "recorded once");
        var breached = (await _supervisor.GetJsonAsync("/api/supervision/complaints?breached=true&status=Received")).Body!["items"]!.AsArray().Single()!;
        Assert.That(CaseHttp.Instant(breached["breachedAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T18:00:00")));

        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/decline", new { reason = " " })).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        _factory.At("2026-12-02T09:00:00");
        var declined = await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/decline", new { reason = "不属于行政审批监察范围，请向网站运维单位反映" });
        Assert.That((declined.Status, declined["status"]), Is.EqualTo((HttpStatusCode.OK, "Declined")), declined.Text);
        Assert.That(CaseHttp.Instant(declined.Body!["breachedAt"]), Is.EqualTo(CaseHttp.Beijing("2026-12-01T18:00:00")), "the breach stands");
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/resolve", new { outcome = "x" })).Status, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task An_applicant_complains_about_their_own_cases_only_and_reads_only_their_own_complaints()
    {
        using var enterprise = await _factory.CreateClientAsync("enterprise");
        var other = await enterprise.PostJsonAsync("/api/complaints", new { caseId = _caseId, contact = "x", body = "y" });
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.NotFound), other.Text);
        Assert.That((await _applicant.PostJsonAsync("/api/complaints", new { caseId = _caseId })).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await _supervisor.PostJsonAsync("/api/complaints", new { contact = "x", body = "y" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));

        Assert.That((await _applicant.PostJsonAsync("/api/complaints", new { contact = "x", body = "y" })).Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await enterprise.GetJsonAsync("/api/complaints")).Body!["total"]!.GetValue<int>(), Is.Zero);
        Assert.That((await _applicant.GetJsonAsync("/api/complaints")).Body!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await _supervisor.PostJsonAsync("/api/supervision/complaints/987654/take-up")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private Task<DeadlineSweep> Sweep() => _factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
}
