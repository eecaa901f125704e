using System.Net;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Correction notices (督办) over HTTP with the fake clock, on SQLite and PostgreSQL: issued by a supervisor, answered by
/// the department in time, or left unanswered and turned overdue, then escalated, by the deadline sweep — once each.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class NoticeApiTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _supervisor = null!;
    private string _caseId = null!;

    [SetUp]
    public async Task Start()
    {
        // Tuesday 2026-11-24, 10:00 Beijing.
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        _supervisor = await _factory.CreateClientAsync("supervisor");
        using var applicant = await _factory.CreateClientAsync("applicant");
        (_caseId, _, _) = await applicant.SubmitAsync(SupervisionScenarios.Enterprise);
    }

    [TearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_notice_answered_in_time_by_its_department_stays_answered_and_is_on_the_case_timeline()
    {
        var issued = await Issue(dueInWorkingDays: 2);
        Assert.That(issued.Status, Is.EqualTo(HttpStatusCode.Created), issued.Text);
        Assert.That((issued["status"], issued["kind"], issued["departmentCode"]), Is.EqualTo(("Open", "CorrectionNotice", "samr")));
        Assert.That(CaseHttp.Instant(issued.Body!["dueAt"]), Is.EqualTo(CaseHttp.Beijing("2026-11-26T17:30:00")), "2 working days, close of business");
        var id = issued.Body!["id"]!.GetValue<long>();

        using var samr = await _factory.CreateClientAsync("samr-reviewer");
        using var tax = await _factory.CreateClientAsync("tax-reviewer");
        var mine = await samr.GetJsonAsync("/api/notices");
        Assert.That(mine.Body!["items"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()), Is.EqualTo(new[] { id }));
        Assert.That((await tax.GetJsonAsync("/api/notices")).Body!["total"]!.GetValue<int>(), Is.Zero, "another department does not see it");

        var byTax = await tax.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "已整改" });
        Assert.That(byTax.Status, Is.EqualTo(HttpStatusCode.NotFound), "a reviewer of another department cannot answer");
        using var applicant = await _factory.CreateClientAsync("applicant");
        Assert.That((await applicant.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "已整改" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await samr.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "  " })).Status, Is.EqualTo(HttpStatusCode.BadRequest));

        _factory.At("2026-11-25T09:00:00");
        var answered = await samr.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "已于当日完成审查并告知申请人" });
        Assert.That(answered.Status, Is.EqualTo(HttpStatusCode.OK), answered.Text);
        Assert.That((answered["status"], answered.Body!["answeredLate"]!.GetValue<bool>()), Is.EqualTo(("Answered", false)));
        Assert.That((await samr.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "再答" })).Status, Is.EqualTo(HttpStatusCode.Conflict));

        _factory.At("2026-12-07T09:00:00");
        var sweep = await Sweep();
        Assert.That(sweep.NoticesEscalated, Is.Zero);
        Assert.That((await _supervisor.GetJsonAsync($"/api/supervision/notices/{id}"))["status"], Is.EqualTo("Answered"));

        var timeline = await _supervisor.GetJsonAsync($"/api/cases/{_caseId}/timeline");
        Assert.That(timeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Does.Contain("NoticeIssued").And.Contain("NoticeAnswered"));
    }

    [Test]
    public async Task An_unanswered_notice_turns_overdue_at_its_due_instant_then_escalates_a_working_day_later_once_each()
    {
        var id = (await Issue(dueInWorkingDays: 1)).Body!["id"]!.GetValue<long>();

        _factory.At("2026-11-25T17:00:00");
        Assert.That((await Sweep()).NoticesEscalated, Is.Zero, "not yet due");
        _factory.At("2026-11-25T18:00:00");
        Assert.That((await Sweep()).NoticesEscalated, Is.EqualTo(1));
        Assert.That((await _supervisor.GetJsonAsync($"/api/supervision/notices/{id}"))["status"], Is.EqualTo("Overdue"));
        Assert.That((await Sweep()).NoticesEscalated, Is.Zero, "a second sweep has no second effect");

        _factory.At("2026-11-27T09:00:00");
        Assert.That((await Sweep()).NoticesEscalated, Is.EqualTo(1));
        Assert.That((await Sweep()).NoticesEscalated, Is.Zero);
        var escalated = await _supervisor.GetJsonAsync("/api/supervision/notices?status=Escalated&department=samr");
        Assert.That(escalated.Body!["items"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()), Is.EqualTo(new[] { id }));
        Assert.That((await _supervisor.GetJsonAsync("/api/supervision/notices?status=Open")).Body!["total"]!.GetValue<int>(), Is.Zero);

        using var head = await _factory.CreateClientAsync("samr-head");
        var late = await head.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "迟复：已整改" });
        Assert.That((late.Status, late["status"], late.Body!["answeredLate"]!.GetValue<bool>()), Is.EqualTo((HttpStatusCode.OK, "Answered", true)));

        var timeline = await _supervisor.GetJsonAsync($"/api/cases/{_caseId}/timeline");
        Assert.That(timeline.Body!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "NoticeEscalated"), Is.EqualTo(2));
    }

    [Test]
    public async Task Only_supervisors_issue_and_a_notice_states_what_it_needs()
    {
        using var head = await _factory.CreateClientAsync("samr-head");
        Assert.That((await head.PostJsonAsync("/api/supervision/notices", new { caseId = _caseId, departmentCode = "samr", subject = "s", body = "b", dueInWorkingDays = 1 })).Status,
            Is.EqualTo(HttpStatusCode.Forbidden));

        var empty = await _supervisor.PostJsonAsync("/api/supervision/notices", new { kind = "CorrectionNotice" });
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest), empty.Text);
        Assert.That(empty.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "departmentCode", "caseId", "subject", "body", "dueInWorkingDays" }));
        var noCase = await _supervisor.PostJsonAsync("/api/supervision/notices", new { caseId = "nope", departmentCode = "samr", subject = "s", body = "b", dueInWorkingDays = 1 });
        Assert.That(noCase.Status, Is.EqualTo(HttpStatusCode.NotFound), noCase.Text);

        var recommendation = await _supervisor.PostJsonAsync("/api/supervision/notices",
            new { departmentCode = "tax", subject = "监察建议书", body = "第四季度考核不合格，请于十个工作日内报送整改情况", dueInWorkingDays = 10 });
        Assert.That((recommendation.Status, recommendation["kind"]), Is.EqualTo((HttpStatusCode.Created, "SupervisionRecommendation")), recommendation.Text);
    }

    private Task<Reply> Issue(int dueInWorkingDays) => _supervisor.PostJsonAsync("/api/supervision/notices", new
    {
        caseId = _caseId, departmentCode = "samr", kind = "CorrectionNotice", subject = "请说明受理延误原因", body = "该件已超过承诺时限，请核查并整改。", dueInWorkingDays,
    });

    private Task<DeadlineSweep> Sweep() => _factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
}

/// <summary>What the notice and complaint specifications submit.</summary>
internal static class SupervisionScenarios
{
    public const string PersonId = "11010519491231002X";

    public static readonly object Enterprise = new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
        form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = PersonId },
    };
}
