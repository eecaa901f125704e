using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Notices and complaints in the supervisors' views, on SQLite and PostgreSQL: the live overview counts those awaiting an
/// answer or a decision by department, and their lists export as CSV like every supervisor list. The scenario, from
/// Tuesday 2026-11-24: a correction notice to samr left unanswered (escalated), one answered, a recommendation to tax
/// still open; a complaint about samr's case never decided (breached), a general one transferred to tax, a general one
/// declined, and a general one filed on 12-02 not yet due.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class NoticeAndComplaintViewsTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _supervisor = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        _supervisor = await _factory.CreateClientAsync("supervisor");
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var samr = await _factory.CreateClientAsync("samr-reviewer");
        var (caseId, _, _) = await applicant.SubmitAsync(SupervisionScenarios.Enterprise);

        await IssueAsync(new { caseId, departmentCode = "samr", subject = "请说明受理延误原因", body = "该件已超过承诺时限", dueInWorkingDays = 1 });
        var answered = await IssueAsync(new { caseId, departmentCode = "samr", subject = "请补正告知", body = "一次性告知补正材料", dueInWorkingDays = 2 });
        Assert.That((await samr.PostJsonAsync($"/api/supervision/notices/{answered}/answer", new { answer = "已一次性告知" })).Status, Is.EqualTo(HttpStatusCode.OK));
        await IssueAsync(new { departmentCode = "tax", subject = "监察建议书", body = "第四季度考核不合格，请报送整改情况", dueInWorkingDays = 10 });

        await FileAsync(applicant, new { caseId, contact = "13800000000", body = "窗口要求提交目录外材料, 多次往返" });
        var transferred = await FileAsync(applicant, new { contact = "13800000000", body = "税务窗口态度差" });
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{transferred}/transfer", new { departmentCode = "tax", dueInWorkingDays = 5 })).Status, Is.EqualTo(HttpStatusCode.OK));
        var declined = await FileAsync(applicant, new { contact = "13800000000", body = "大厅停车难" });
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{declined}/decline", new { reason = "不属于监察范围" })).Status, Is.EqualTo(HttpStatusCode.OK));

        _factory.At("2026-12-02T10:00:00");
        await _factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
        await FileAsync(applicant, new { contact = "13800000000", body = "网上申报系统无法上传附件" });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task The_overview_counts_unanswered_notices_and_open_and_breached_complaints_by_department()
    {
        var overview = (await _supervisor.GetJsonAsync("/api/supervision/overview")).Body!;

        Assert.That(Notices(overview["notices"]!), Is.EqualTo((1, 0, 1)), "open, overdue, escalated: the answered one is not counted");
        Assert.That(overview["notices"]!["unanswered"]!.GetValue<int>(), Is.EqualTo(2));
        var noticesBy = overview["noticesByDepartment"]!.AsArray();
        Assert.That(noticesBy.Select(d => (d!["departmentCode"]!.GetValue<string>(), Notices(d["notices"]!))),
            Is.EqualTo(new[] { ("samr", (0, 0, 1)), ("tax", (1, 0, 0)) }), "most escalated first");
        Assert.That(noticesBy[0]!["departmentName"]!.GetValue<string>(), Is.EqualTo("市场监督管理局"));

        Assert.That(Complaints(overview["complaints"]!), Is.EqualTo((3, 1)), "the declined one is closed; the general one filed on 12-02 counts in the total only");
        Assert.That(overview["complaintsByDepartment"]!.AsArray().Select(d => (d!["departmentCode"]!.GetValue<string>(), Complaints(d["complaints"]!))),
            Is.EqualTo(new[] { ("samr", (1, 1)), ("tax", (1, 0)) }), "by the case's lead department or the department it was transferred to, most breached first");
    }

    [Test]
    public async Task The_notice_list_exports_every_matching_notice_as_CSV()
    {
        var lines = await CsvLinesAsync(_supervisor, "/api/supervision/notices?format=csv");
        Assert.That(lines[0], Is.EqualTo("id,caseId,departmentCode,kind,subject,body,issuedBy,issuedAt,dueAt,escalateAt,status,answer,answeredBy,answeredAt,answeredLate,overdueAt,escalatedAt"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[10]), Is.EqualTo(new[] { "Escalated", "Answered", "Open" }), "soonest due first");
        Assert.That(lines[1], Does.Contain(",samr,CorrectionNotice,请说明受理延误原因,该件已超过承诺时限,钱正 (supervisor),2026-11-24T10:00:00+08:00,2026-11-25T17:30:00+08:00,"));

        Assert.That(await CsvLinesAsync(_supervisor, "/api/supervision/notices?status=Open&format=csv"), Has.Length.EqualTo(1 + 1));
        using var samr = await _factory.CreateClientAsync("samr-head");
        Assert.That(await CsvLinesAsync(samr, "/api/notices?format=csv"), Has.Length.EqualTo(1 + 2), "a department exports its own notices");
    }

    [Test]
    public async Task The_complaint_list_exports_as_CSV_with_its_filters_and_quotes_a_body_with_a_comma()
    {
        var all = await CsvLinesAsync(_supervisor, "/api/supervision/complaints?format=csv");
        Assert.That(all[0], Is.EqualTo("id,caseId,complainant,contact,body,receivedAt,decideBy,status,decidedBy,decidedAt,declineReason,transferredTo,transferDueAt,outcome,resolvedBy,resolvedAt,breachedAt"));
        Assert.That(all, Has.Length.EqualTo(1 + 4));
        var breached = await CsvLinesAsync(_supervisor, "/api/supervision/complaints?breached=true&format=csv");
        Assert.That(breached, Has.Length.EqualTo(1 + 1));
        Assert.That(breached[1], Does.Contain(",applicant,13800000000,\"窗口要求提交目录外材料, 多次往返\",2026-11-24T10:00:00+08:00,2026-12-01T17:30:00+08:00,Received,")
            .And.EndWith(",2026-12-02T10:00:00+08:00"));
        var wrong = await _supervisor.GetJsonAsync("/api/supervision/complaints?format=xml");
        Assert.That((wrong.Status, wrong.Body!["errors"]!.AsObject().Select(e => e.Key)), Is.EqualTo((HttpStatusCode.BadRequest, new[] { "format" })));
    }

    private async Task<long> IssueAsync(object notice)
    {
        var issued = await _supervisor.PostJsonAsync("/api/supervision/notices", notice);
        Assert.That(issued.Status, Is.EqualTo(HttpStatusCode.Created), issued.Text);
        return issued.Body!["id"]!.GetValue<long>();
    }

    private static async Task<long> FileAsync(HttpClient applicant, object complaint)
    {
        var filed = await applicant.PostJsonAsync("/api/complaints", complaint);
        Assert.That(filed.Status, Is.EqualTo(HttpStatusCode.Created), filed.Text);
        return filed.Body!["id"]!.GetValue<long>();
    }

    private static async Task<string[]> CsvLinesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That((response.StatusCode, response.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "text/csv")), url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        return Encoding.UTF8.GetString(bytes.AsSpan(3)).TrimEnd('\r', '\n').Split("\r\n");
    }

    private static (int, int, int) Notices(JsonNode counts) =>
        (counts["open"]!.GetValue<int>(), counts["overdue"]!.GetValue<int>(), counts["escalated"]!.GetValue<int>());

    private static (int, int) Complaints(JsonNode counts) => (counts["open"]!.GetValue<int>(), counts["breached"]!.GetValue<int>());
}
